import type { BacklogListQuery, CreateReadingInput, Page, PersonSummary, Reading } from '@guildhall/shared';
import type { DB } from '../../db/database.ts';
import { notFound } from '../../errors.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import { authorize } from '../../platform/auth/policy.ts';
import { decodeCursor, pageFrom } from '../../platform/http/cursor.ts';
import { newId, now } from '../../platform/ids.ts';
import type { PeopleRepository } from '../people/index.ts';
import type { BacklogRepository, ReadingRow } from './backlog.repository.ts';
import { communityResourceOf, type EventAccess } from './event-access.ts';

export function presentReading(r: ReadingRow & { my_vote: unknown }, people: Map<string, PersonSummary>): Reading {
  return {
    id: r.id,
    kind: r.kind,
    url: r.url,
    title: r.title,
    why: r.why,
    suggestedBy: people.get(r.suggested_by) ?? null,
    votes: r.vote_count,
    myVote: Boolean(r.my_vote),
    createdAt: r.created_at,
  };
}

/** The journal club's reading list: members suggest articles, papers, chapters and talks, and vote. */
export class ReadingsService {
  constructor(
    private readonly db: DB,
    private readonly access: EventAccess,
    private readonly backlog: BacklogRepository,
    private readonly people: PeopleRepository,
  ) {}

  async list(actor: Actor, slug: string, query: BacklogListQuery): Promise<Page<Reading>> {
    const { person, community } = await this.access.community(actor, slug);
    authorize(person, 'event.read', communityResourceOf(community));
    const after = decodeCursor(query.cursor, 2) as [number, string] | undefined;
    const rows = await this.backlog.readings(community.id, person.personId, after, query.limit);
    const page = pageFrom(
      rows,
      query.limit,
      (r) => r,
      (r) => [r.vote_count, r.id],
    );
    const people = await this.people.summaries(page.items.map((r) => r.suggested_by));
    return { items: page.items.map((r) => presentReading(r, people)), nextCursor: page.nextCursor };
  }

  async suggest(actor: Actor, slug: string, input: CreateReadingInput): Promise<Reading> {
    const { person, community } = await this.access.community(actor, slug);
    authorize(person, 'event.backlog.contribute', communityResourceOf(community));
    const id = newId();
    await this.db.transaction().execute((tx) =>
      this.backlog.insertReading(
        {
          id,
          community_id: community.id,
          kind: input.kind,
          url: input.url,
          title: input.title,
          why: input.why,
          suggested_by: person.personId,
          vote_count: 0,
          created_at: now(),
        },
        tx,
      ),
    );
    return this.one(person, id);
  }

  async vote(actor: Actor, readingId: string, on: boolean): Promise<Reading> {
    const { person, reading } = await this.load(actor, readingId);
    const { community } = await this.access.community(person, reading.community_slug);
    authorize(person, 'event.backlog.contribute', communityResourceOf(community));
    await this.db.transaction().execute((tx) => this.backlog.voteReading(readingId, person.personId, on, now(), tx));
    return this.one(person, readingId);
  }

  private async one(actor: Actor, id: string): Promise<Reading> {
    const { person } = await this.load(actor, id);
    const row = await this.backlog.reading(id, person.personId);
    if (!row) throw notFound('reading.not_found', 'No such reading.');
    return presentReading(row, await this.people.summaries([row.suggested_by]));
  }

  /** A reading of a community the actor can read, or "not found". */
  private async load(actor: Actor, id: string) {
    const row = await this.backlog.reading(id, '');
    const slug = row ? await this.backlog.communitySlug(row.community_id) : undefined;
    if (!row || !slug) throw notFound('reading.not_found', 'No such reading.');
    try {
      const { person } = await this.access.community(actor, slug);
      return { person, reading: { ...row, community_slug: slug } };
    } catch (error) {
      if ((error as { code?: string }).code === 'community.not_found') throw notFound('reading.not_found', 'No such reading.');
      throw error;
    }
  }
}
