import { z } from 'zod';
import { Id } from '../common/index.ts';

/**
 * Live updates (SSE) of the knowledge room: ids and versions only, so refetch what you show. A
 * draft's events reach only its owner; a published page's, everyone who reads the community.
 */
export const KnowledgeEvents = {
  /** Created, saved, restored, published, confirmed fresh, moved or given a new owner. */
  'page.changed': z.object({ pageId: Id, version: z.number().int() }),
  'page.deleted': z.object({ pageId: Id }),
  /** Many pages at once (an import): refetch lists and the tree. */
  'pages.imported': z.object({ count: z.number().int() }),
  'whiteboard.changed': z.object({ whiteboardId: Id, version: z.number().int() }),
  'whiteboard.deleted': z.object({ whiteboardId: Id }),
} as const;
export type KnowledgeEventType = keyof typeof KnowledgeEvents;
