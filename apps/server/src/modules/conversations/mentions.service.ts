import type { Mention, Page, PageQuery } from '@guildhall/shared';
import type { Actor } from '../../platform/auth/actor.ts';
import { requirePerson } from '../../platform/auth/policy.ts';
import { decodeCursor, pageFrom } from '../../platform/http/cursor.ts';
import type { PeopleRepository } from '../people/index.ts';
import type { MentionsRepository } from './mentions.repository.ts';
import { presentAuthor } from './present.ts';

export class MentionsService {
  constructor(
    private readonly mentions: MentionsRepository,
    private readonly people: PeopleRepository,
  ) {}

  /** Posts that mention me, newest first, among those I can still read. */
  async mine(actor: Actor, query: PageQuery): Promise<Page<Mention>> {
    const person = requirePerson(actor);
    const after = decodeCursor(query.cursor, 2) as [string, string] | undefined;
    const rows = await this.mentions.list(person, after, query.limit);
    const page = pageFrom(
      rows,
      query.limit,
      (r) => r,
      (r) => [r.mentioned_at, r.post_id],
    );
    const authorIds = page.items.map((r) => r.public_author_id).filter((id): id is string => id !== null);
    const people = await this.people.summaries([...new Set(authorIds)]);
    return {
      items: page.items.map((r) => ({
        post: { id: r.post_id, author: presentAuthor(r.public_author_id, people), bodyHtml: r.body_html, createdAt: r.created_at },
        thread: { id: r.thread_id, title: r.title, kind: r.kind },
        community: { id: r.community_id, slug: r.slug, name: r.name },
      })),
      nextCursor: page.nextCursor,
    };
  }
}
