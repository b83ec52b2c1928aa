import type { Generated } from 'kysely';

/** One searchable thing; written only by the triggers of migration 0005 and by reindex. */
export interface SearchDocumentTable {
  doc_id: Generated<number>;
  kind: string;
  ref_id: string;
  community_id: string | null;
  thread_id: string | null;
  title: string;
  body: string;
  tags: string;
  author_id: string | null;
  accepted: number;
  created_at: string;
}
