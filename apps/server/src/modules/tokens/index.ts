export { TokensRepository } from './tokens.repository.ts';
export { TokensService } from './tokens.service.ts';
export { tokensRoutes } from './tokens.routes.ts';
