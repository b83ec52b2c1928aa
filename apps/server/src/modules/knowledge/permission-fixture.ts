import type { TestApp } from '../../../test/harness.ts';
import { type Actors, insertCommunity } from '../../../test/permission-actors.ts';
import { newId } from '../../platform/ids.ts';
import { minutesFromNow } from '../events/test-helpers.ts';

/** Test-only: the knowledge rows of the permission matrix act on what this puts in a fresh community. */

const SVG = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"><rect width="1" height="1"/></svg>';

/**
 * A fresh community per cell, with what the bystander (a plain member who is none of the actors)
 * wrote: a published page with a revision, a draft, a whiteboard, an answered question, and a
 * session that has started.
 */
export async function freshKnowledge(t: TestApp, ids: Actors['ids'], visibility: 'open' | 'private') {
  const { db } = t.database;
  const community = await insertCommunity(t, ids, visibility, 'k');
  const at = community.at;
  const [pageId, draftId, boardId, threadId, questionPost, answerPost, eventId] = Array.from({ length: 7 }, newId) as string[];
  const title = `Secret page ${community.slug}`;
  const page = (id: string, status: 'published' | 'draft', pageTitle: string) => ({
    id,
    community_id: community.id,
    parent_id: null,
    title: pageTitle,
    title_key: pageTitle.toLowerCase(),
    kind: 'guide' as const,
    tags: '[]',
    status,
    owner_id: ids.bystander,
    body_source: 'Secret body',
    body_html: '<p>Secret body</p>',
    toc: '[]',
    version: 1,
    review_by: '2030-01-01',
    last_confirmed_at: null,
    origin_type: 'thread' as const,
    origin_id: threadId as string,
    origin_title: 'Secret question',
    origin_link: '',
    created_by: ids.bystander,
    created_at: at,
    updated_by: ids.bystander,
    updated_at: at,
  });
  await db
    .insertInto('page')
    .values([page(pageId as string, 'published', title), page(draftId as string, 'draft', `Secret draft ${community.slug}`)])
    .execute();
  await db
    .insertInto('page_revision')
    .values(
      [pageId, draftId].map((id) => ({
        page_id: id as string,
        version: 1,
        title,
        body_source: 'Secret body',
        summary: null,
        author_id: ids.bystander,
        created_at: at,
      })),
    )
    .execute();
  const scene = JSON.stringify({ type: 'excalidraw', version: 2, elements: [] });
  await db
    .insertInto('whiteboard')
    .values({
      id: boardId as string,
      community_id: community.id,
      title: 'Secret board',
      scene,
      preview_svg: SVG,
      version: 1,
      created_by: ids.bystander,
      created_at: at,
      updated_by: ids.bystander,
      updated_at: at,
    })
    .execute();
  await db
    .insertInto('whiteboard_revision')
    .values({
      whiteboard_id: boardId as string,
      version: 1,
      title: 'Secret board',
      scene,
      preview_svg: SVG,
      summary: null,
      author_id: ids.bystander,
      created_at: at,
    })
    .execute();
  await db
    .insertInto('thread')
    .values({
      id: threadId as string,
      community_id: community.id,
      kind: 'question',
      title: 'Secret question',
      tags: '[]',
      state: 'answered',
      author_id: ids.bystander,
      anonymous: 0,
      pinned: 0,
      locked: 0,
      first_post_id: questionPost as string,
      accepted_post_id: answerPost as string,
      post_count: 2,
      last_activity_at: at,
      first_answer_at: at,
      accepted_at: at,
      created_at: at,
      updated_at: at,
    })
    .execute();
  const post = (id: string, seq: number) => ({
    id,
    thread_id: threadId as string,
    seq,
    author_id: ids.bystander,
    anonymous: 0,
    body: `Secret post ${seq}`,
    body_html: `<p>Secret post ${seq}</p>`,
    quoted_post_id: null,
    version: 1,
    created_at: at,
    edited_at: null,
    deleted_at: null,
    hidden_at: null,
  });
  await db
    .insertInto('post')
    .values([post(questionPost as string, 1), post(answerPost as string, 2)])
    .execute();
  const key = minutesFromNow(-10);
  await db
    .insertInto('event')
    .values({
      id: eventId as string,
      community_id: community.id,
      format: 'lunch-and-learn',
      title: 'Secret session',
      description_source: '',
      description_html: '',
      start_local: key,
      tz: 'UTC',
      duration_minutes: 60,
      rrule: null,
      place: null,
      video_url: null,
      capacity: null,
      split_from_id: null,
      version: 1,
      created_by: ids.facilitator,
      created_at: at,
      updated_at: at,
      cancelled_at: null,
    })
    .execute();
  return { ...community, pageId, draftId, boardId, threadId, eventId, key, title } as typeof community & Record<string, string>;
}
