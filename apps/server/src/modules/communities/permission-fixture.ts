import { expect } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/harness.ts';
import {
  type ActorName,
  type Cell,
  type Expectation,
  insertCommunity,
  type Request,
  setUpActors,
} from '../../../test/permission-actors.ts';
import { newId } from '../../platform/ids.ts';

/**
 * Test-only: the permission-matrix cast (test/permission-actors.ts) with a community per cell
 * that also holds a question and a start-here item, for the rows of the rooms that grow
 * communities (charter, lifecycle, proposals, expertise, onboarding).
 */
export { ACTORS, type ActorName, type Cell, type Expectation, type Request } from '../../../test/permission-actors.ts';

export type Fixture = Awaited<ReturnType<typeof permissionFixture>>;

export async function permissionFixture() {
  const t: TestApp = await createTestApp();
  const { ids, send, clients } = await setUpActors(t);
  const { db } = t.database;

  /** A fresh community per cell (with a question asked by the bystander), so one cell's writes cannot change another's outcome. */
  async function community(visibility: 'open' | 'private') {
    const { id, slug, name, at } = await insertCommunity(t, ids, visibility, 'g');
    const threadId = newId();
    const postId = newId();
    await db
      .insertInto('thread')
      .values({
        id: threadId,
        community_id: id,
        kind: 'question',
        title: `Secret question ${slug}`,
        tags: '["secret-tag"]',
        state: 'unanswered',
        author_id: ids.bystander,
        anonymous: 0,
        pinned: 0,
        locked: 0,
        first_post_id: postId,
        accepted_post_id: null,
        post_count: 1,
        last_activity_at: at,
        first_answer_at: null,
        accepted_at: null,
        created_at: at,
        updated_at: at,
      })
      .execute();
    await db
      .insertInto('post')
      .values({
        id: postId,
        thread_id: threadId,
        seq: 1,
        author_id: ids.bystander,
        anonymous: 0,
        body: 'Secret body',
        body_html: '<p>Secret body</p>',
        quoted_post_id: null,
        version: 1,
        created_at: at,
        edited_at: null,
        deleted_at: null,
        hidden_at: null,
      })
      .execute();
    const itemId = newId();
    await db
      .insertInto('newcomer_item')
      .values({
        id: itemId,
        community_id: id,
        kind: 'text',
        title: 'Say hello',
        url: null,
        thread_id: null,
        body: 'Hi',
        body_html: '<p>Hi</p>',
        position: 1,
        created_by: ids.facilitator,
        created_at: at,
      })
      .execute();
    return { id, slug, name, threadId, itemId };
  }

  /** Checks one cell: its status, and for hidden cells that nothing of the community leaks. */
  async function check(
    actor: ActorName,
    r: Request,
    expected: Cell,
    secret: { id: string; name: string },
    hiddenCode = 'community.not_found',
  ) {
    const res = await send(actor, r);
    if (expected === 'hidden') {
      expect(res.statusCode, res.body).toBe(404);
      expect(res.json().code).toBe(hiddenCode);
      expect(res.body).not.toContain(secret.id);
      expect(res.body).not.toContain(secret.name);
    } else {
      expect(res.statusCode, res.body).toBe(expected);
    }
    if (res.statusCode >= 400) expect(res.headers['content-type']).toContain('application/problem+json');
    return res;
  }

  return { t, ids, people: clients, community, send, check };
}

/** Shorthand: the same expectation for both visibilities, the non-member hidden in the private one. */
export const both = (e: Expectation) => ({ open: e, private: { ...e, nonMember: 'hidden' as const } });
export const readers: Expectation = { anonymous: 401, nonMember: 200, member: 200, core: 200, facilitator: 200, admin: 200, token: 200 };
export const facilitators = (ok: number): Expectation => ({
  anonymous: 401,
  nonMember: 403,
  member: 403,
  core: 403,
  facilitator: ok,
  admin: ok,
  token: ok,
});
export const members = (ok: number): Expectation => ({
  anonymous: 401,
  nonMember: 403,
  member: ok,
  core: ok,
  facilitator: ok,
  admin: 403,
  token: ok,
});
