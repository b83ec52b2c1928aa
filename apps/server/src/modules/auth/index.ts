export { AuthRepository } from './auth.repository.ts';
export { authRoutes } from './auth.routes.ts';
export { AuthService } from './auth.service.ts';
