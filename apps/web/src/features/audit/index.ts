// The audit feature's door: what other features and app/ may use.

export { AuditLogLink } from './components/audit-log-link';
