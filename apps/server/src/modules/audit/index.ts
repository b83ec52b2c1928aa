export { AuditRepository } from './audit.repository.ts';
export { auditRoutes } from './audit.routes.ts';
export { AuditService } from './audit.service.ts';
