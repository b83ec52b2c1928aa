import type { CreatePageRequest, KnowledgePage } from '@guildhall/shared';
import type { Client } from '../../../test/harness.ts';

/** Test-only helpers for this room's API tests: each fails loudly when the API refuses. */

export async function createPage(client: Client, slug: string, input: Partial<CreatePageRequest> = {}): Promise<KnowledgePage> {
  const res = await client.request('POST', `/api/v1/communities/${slug}/pages`, {
    title: `Page ${Math.random().toString(36).slice(2, 8)}`,
    kind: 'guide',
    bodySource: 'Some text.',
    ...input,
  });
  if (res.statusCode !== 201) throw new Error(`create page failed: ${res.statusCode} ${res.body}`);
  return res.json();
}

export async function getPage(client: Client, pageId: string): Promise<KnowledgePage> {
  const res = await client.request('GET', `/api/v1/pages/${pageId}`);
  if (res.statusCode !== 200) throw new Error(`get page failed: ${res.statusCode} ${res.body}`);
  return res.json();
}

export async function savePage(client: Client, page: KnowledgePage, changes: Record<string, unknown> = {}): Promise<KnowledgePage> {
  const res = await client.request('PUT', `/api/v1/pages/${page.id}`, {
    version: page.version,
    title: page.title,
    bodySource: page.bodySource,
    ...changes,
  });
  if (res.statusCode !== 200) throw new Error(`save page failed: ${res.statusCode} ${res.body}`);
  return res.json();
}
