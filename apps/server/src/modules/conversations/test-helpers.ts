import type { CreatePostRequest, CreateThreadRequest, Post, Thread } from '@guildhall/shared';
import type { Client } from '../../../test/harness.ts';

/** Test-only helpers for this room's API tests: each fails loudly when the API refuses. */

export async function startThread(client: Client, slug: string, input: Partial<CreateThreadRequest> = {}): Promise<Thread> {
  const res = await client.request('POST', `/api/v1/communities/${slug}/threads`, {
    kind: 'discussion',
    title: 'How do you run your on-call handovers?',
    body: 'We keep losing context between shifts.',
    ...input,
  });
  if (res.statusCode !== 201) throw new Error(`start thread failed: ${res.statusCode} ${res.body}`);
  return res.json();
}

export async function reply(client: Client, threadId: string, input: Partial<CreatePostRequest> = {}): Promise<Post> {
  const res = await client.request('POST', `/api/v1/threads/${threadId}/posts`, { body: 'Here is what worked for us.', ...input });
  if (res.statusCode !== 201) throw new Error(`reply failed: ${res.statusCode} ${res.body}`);
  return res.json();
}

export async function join(client: Client, slug: string): Promise<void> {
  const res = await client.request('POST', `/api/v1/communities/${slug}/members`, {});
  if (res.statusCode !== 200) throw new Error(`join failed: ${res.statusCode} ${res.body}`);
}

/** A private community's facilitator invites someone, who accepts. */
export async function bringIn(facilitator: Client, person: Client, slug: string): Promise<void> {
  const invite = await facilitator.request('POST', `/api/v1/communities/${slug}/members`, { personId: person.id });
  if (invite.statusCode !== 201) throw new Error(`invite failed: ${invite.statusCode} ${invite.body}`);
  await join(person, slug);
}

export const mention = (person: { id: string }, name: string) => `@[${name}](person:${person.id})`;
