import { AuditEntry, AuditQuery, pageOf } from '@guildhall/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AuditService } from './audit.service.ts';

export const auditRoutes: FastifyPluginAsyncZod<{ audit: AuditService }> = async (app, { audit }) => {
  app.get(
    '/audit',
    {
      schema: {
        tags: ['audit'],
        description: 'Admin and moderation actions, newest first (org admins).',
        querystring: AuditQuery,
        response: { 200: pageOf(AuditEntry) },
      },
    },
    (req) => audit.list(req.actor, req.query),
  );
};
