export { AuthRepository } from './auth.repository.ts';
export { AuthService } from './auth.service.ts';
export { authRoutes } from './auth.routes.ts';
