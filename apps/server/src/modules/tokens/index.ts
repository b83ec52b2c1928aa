export { TokensRepository } from './tokens.repository.ts';
export { tokensRoutes } from './tokens.routes.ts';
export { TokensService } from './tokens.service.ts';
