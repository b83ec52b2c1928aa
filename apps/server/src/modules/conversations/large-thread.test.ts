import type { Post } from '@guildhall/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createCommunity, createTestApp, signUp, type TestApp } from '../../../test/harness.ts';
import { newId } from '../../platform/ids.ts';
import { startThread } from './test-helpers.ts';

/**
 * A thread of 5,000 posts opens on its first page and pages through the rest by keyset.
 * Seeded in bulk through Kysely (not the API); the speed itself is measured by bench/, not here.
 */
const POSTS = 5000;

let t: TestApp;
let reader: Client;
let threadId: string;
const replyIds: string[] = [];

beforeAll(async () => {
  t = await createTestApp();
  await signUp(t.app, 'Admin');
  const author = await signUp(t.app, 'Prolific');
  reader = await signUp(t.app, 'Reader');
  const community = await createCommunity(author);
  const thread = await startThread(author, community.slug, { title: 'The long one' });
  threadId = thread.id;

  const start = Date.parse(thread.createdAt);
  const rows = Array.from({ length: POSTS - 1 }, (_, i) => {
    const id = newId();
    replyIds.push(id);
    // Replies come in pairs sharing a timestamp, so the id must break ties in the keyset.
    const at = new Date(start + 1000 + Math.floor(i / 2) * 1000).toISOString();
    return {
      id,
      thread_id: threadId,
      seq: i + 2,
      author_id: author.id,
      anonymous: i % 7 === 0 ? 1 : 0,
      body: `Reply ${i + 1}`,
      body_html: `<p>Reply ${i + 1}</p>\n`,
      quoted_post_id: null,
      version: 1,
      created_at: at,
      edited_at: null,
      deleted_at: null,
      hidden_at: null,
    };
  });
  const { db } = t.database;
  await db.transaction().execute(async (tx) => {
    for (let i = 0; i < rows.length; i += 500)
      await tx
        .insertInto('post')
        .values(rows.slice(i, i + 500))
        .execute();
    await tx
      .updateTable('thread')
      .set({ post_count: POSTS, last_activity_at: rows[rows.length - 1]?.created_at as string })
      .where('id', '=', threadId)
      .execute();
  });
}, 60_000);
afterAll(() => t.close());

describe(`a thread with ${POSTS} posts`, () => {
  it('opens on a first page of 50 replies in order, with the count from the thread row', async () => {
    const thread = (await reader.request('GET', `/api/v1/threads/${threadId}`)).json();
    expect(thread).toMatchObject({ replyCount: POSTS - 1, unreadCount: POSTS });
    const first = (await reader.request('GET', `/api/v1/threads/${threadId}/posts`)).json();
    expect(first.items).toHaveLength(50);
    expect(first.items.map((p: Post) => p.id)).toEqual(replyIds.slice(0, 50));
    expect(first.items[0]).toMatchObject({ body: 'Reply 1', author: { anonymous: true } });
    expect(first.items[1]).toMatchObject({ body: 'Reply 2', author: { anonymous: false } });
    expect(first.nextCursor).toEqual(expect.any(String));
  });

  it('walks every page by its cursor, each reply exactly once', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const query: string = cursor ? `?limit=100&cursor=${cursor}` : '?limit=100';
      const page: { items: Post[]; nextCursor: string | null } = (
        await reader.request('GET', `/api/v1/threads/${threadId}/posts${query}`)
      ).json();
      seen.push(...page.items.map((p) => p.id));
      cursor = page.nextCursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(50);
    expect(seen).toEqual(replyIds);
  });

  it('starts right after the last post read, and counts what is unread without counting rows', async () => {
    const lastRead = replyIds[4299] as string;
    const read = (await reader.request('POST', `/api/v1/threads/${threadId}/read`, { postId: lastRead })).json();
    expect(read.unreadCount).toBe(POSTS - 4301);
    const next = (await reader.request('GET', `/api/v1/threads/${threadId}/posts?after=${lastRead}`)).json();
    expect(next.items.map((p: Post) => p.id)).toEqual(replyIds.slice(4300, 4350));
  });
});
