import { type Expression, type ExpressionBuilder, type SqlBool, sql } from 'kysely';
import type { DB, Tx } from '../../db/database.ts';
import type { Tables } from '../../db/tables.ts';
import type { PersonActor } from '../../platform/auth/actor.ts';
import { visibleTo } from '../communities/index.ts';

/** Which activity to read: one person's (a profile), a topic's (who can help), or both. */
export type EvidenceFilter = { authorId?: string; topicTag?: string; topicText?: string; communityId?: string };

type From = ExpressionBuilder<Tables, 'post' | 'thread' | 'community'>;

/**
 * The topic part of a filter: a tag the activity carries (`tagged`), or the community's slug
 * or name, so "who can help with observability" also finds the Observability community.
 */
function onTopic(
  eb: ExpressionBuilder<Tables, 'community'>,
  filter: EvidenceFilter,
  tagged: (tag: string) => Expression<SqlBool>,
): Expression<SqlBool> {
  const { topicTag, topicText } = filter;
  return eb.or([
    ...(topicTag ? [tagged(topicTag), eb('community.slug', '=', topicTag)] : []),
    ...(topicText ? [eb(eb.fn('lower', ['community.name']), '=', topicText)] : []),
  ]);
}

/** The thread (of a post, or the one a talk discusses) carries `tag`. */
const threadTagged = (eb: ExpressionBuilder<Tables, 'thread'>, tag: string) =>
  eb.exists(
    eb
      .selectFrom('thread_tag')
      .select('thread_tag.tag')
      .whereRef('thread_tag.thread_id', '=', 'thread.id')
      .where('thread_tag.tag', '=', tag),
  );

const hasTopic = (filter: EvidenceFilter) => Boolean(filter.topicTag || filter.topicText);

/** A UTC instant as a local time at the zone furthest ahead of UTC (+14:00): later than "now" anywhere. */
export const latestLocalNow = (at: Date) => new Date(at.getTime() + 14 * 3_600_000).toISOString().slice(0, 16);

/**
 * Expertise evidence, read from the conversations, events and knowledge tables. Three rules hold
 * in every query: only what the viewer may read (`visibleTo`), only named work (an anonymous
 * post never counts toward anything shown, which would unmask its author), and never
 * self-endorsement (answering or accepting on one's own question, reacting to one's own post).
 */
export class ExpertiseRepository {
  constructor(private readonly db: DB) {}

  private base(viewer: PersonActor, filter: EvidenceFilter) {
    let query = this.db
      .selectFrom('post')
      .innerJoin('thread', 'thread.id', 'post.thread_id')
      .innerJoin('community', 'community.id', 'thread.community_id')
      .where(visibleTo(viewer))
      .where('post.anonymous', '=', 0)
      .where('post.deleted_at', 'is', null)
      .where('post.hidden_at', 'is', null);
    if (filter.authorId) query = query.where('post.author_id', '=', filter.authorId);
    if (filter.communityId) query = query.where('thread.community_id', '=', filter.communityId);
    if (hasTopic(filter)) {
      query = query.where((eb: From) => onTopic(eb, filter, (tag) => threadTagged(eb, tag)));
    }
    return query.select([
      'post.id as post_id',
      'post.author_id',
      'post.created_at',
      'thread.id as thread_id',
      'thread.title as thread_title',
      'thread.tags',
      'community.slug as community_slug',
      'community.name as community_name',
    ]);
  }

  /**
   * Replies to questions and challenges by someone other than the asker; accepted ones flagged,
   * with the asker as the one who vouched for them when the question is named (an anonymous
   * asker stays out of every comparison, see `endorsements`).
   */
  async answers(viewer: PersonActor, filter: EvidenceFilter) {
    const rows = await this.base(viewer, filter)
      .where('thread.kind', 'in', ['question', 'challenge'])
      .where('post.seq', '>', 1)
      .whereRef('post.author_id', '<>', 'thread.author_id')
      .select(sql<number>`case when thread.accepted_post_id = post.id then 1 else 0 end`.as('accepted'))
      .select(sql<string | null>`case when thread.anonymous = 0 then thread.author_id end`.as('asker_id'))
      .orderBy('post.created_at', 'desc')
      .limit(2000)
      .execute();
    return rows.map((r) => ({ ...r, accepted: Number(r.accepted) === 1 }));
  }

  /** Who reacted to which named post, one row per post and person, never the author themselves. */
  async reactions(viewer: PersonActor, filter: EvidenceFilter) {
    return this.base(viewer, filter)
      .innerJoin('post_reaction', 'post_reaction.post_id', 'post.id')
      .whereRef('post_reaction.person_id', '<>', 'post.author_id')
      .select('post_reaction.person_id as reactor_id')
      .groupBy([
        'post.id',
        'post.author_id',
        'post.created_at',
        'thread.id',
        'thread.title',
        'thread.tags',
        'community.slug',
        'community.name',
        'post_reaction.person_id',
      ])
      .orderBy('post.created_at', 'desc')
      .orderBy('post.id')
      .limit(5000)
      .execute();
  }

  /**
   * Who vouched for whom, as "from>to" keys, among `from` and `to`: a reaction to a named post, or
   * a named asker's accepted answer, in communities the viewer may read. Used to find reciprocal
   * pairs (each vouching for the other), whose endorsements count only once.
   */
  async endorsements(viewer: PersonActor, from: string[], to: string[]): Promise<Set<string>> {
    if (from.length === 0 || to.length === 0) return new Set();
    const shown = (eb: ExpressionBuilder<Tables, 'post'>) =>
      eb.and([
        eb('post.anonymous', '=', 0),
        eb('post.deleted_at', 'is', null),
        eb('post.hidden_at', 'is', null),
        eb('post.author_id', 'in', to),
      ]);
    const [reactions, accepts] = await Promise.all([
      this.db
        .selectFrom('post_reaction')
        .innerJoin('post', 'post.id', 'post_reaction.post_id')
        .innerJoin('thread', 'thread.id', 'post.thread_id')
        .innerJoin('community', 'community.id', 'thread.community_id')
        .where(visibleTo(viewer))
        .where(shown)
        .where('post_reaction.person_id', 'in', from)
        .whereRef('post_reaction.person_id', '<>', 'post.author_id')
        .select(['post_reaction.person_id as from_id', 'post.author_id as to_id'])
        .distinct()
        .execute(),
      this.db
        .selectFrom('thread')
        .innerJoin('post', 'post.id', 'thread.accepted_post_id')
        .innerJoin('community', 'community.id', 'thread.community_id')
        .where(visibleTo(viewer))
        .where(shown)
        .where('thread.anonymous', '=', 0)
        .where('thread.author_id', 'in', from)
        .whereRef('thread.author_id', '<>', 'post.author_id')
        .select(['thread.author_id as from_id', 'post.author_id as to_id'])
        .distinct()
        .execute(),
    ]);
    return new Set([...reactions, ...accepts].map((r) => `${r.from_id}>${r.to_id}`));
  }

  /**
   * Agenda slots someone presented, in sessions that were not cancelled and have (roughly)
   * begun: the service keeps those whose start, in the event's zone, is past. Tags come from the
   * thread a slot discusses, when it names one of its community's threads.
   */
  async talks(viewer: PersonActor, filter: EvidenceFilter, at = new Date()) {
    let query = this.db
      .selectFrom('agenda_slot')
      .innerJoin('occurrence', 'occurrence.id', 'agenda_slot.occurrence_id')
      .innerJoin('event', 'event.id', 'occurrence.event_id')
      .innerJoin('community', 'community.id', 'event.community_id')
      .leftJoin('thread', (join) =>
        join.onRef('thread.id', '=', 'agenda_slot.thread_id').onRef('thread.community_id', '=', 'event.community_id'),
      )
      .where(visibleTo(viewer))
      .where('agenda_slot.presenter_id', 'is not', null)
      .where('occurrence.cancelled_at', 'is', null)
      .where('event.cancelled_at', 'is', null)
      .where(sql<string>`coalesce(occurrence.start_local, occurrence.occurrence_key)`, '<=', latestLocalNow(at));
    if (filter.authorId) query = query.where('agenda_slot.presenter_id', '=', filter.authorId);
    if (filter.communityId) query = query.where('event.community_id', '=', filter.communityId);
    if (hasTopic(filter)) {
      query = query.where((eb) => onTopic(eb, filter, (tag) => threadTagged(eb, tag)));
    }
    return query
      .select([
        'agenda_slot.id as slot_id',
        'agenda_slot.title',
        'agenda_slot.presenter_id',
        'event.id as event_id',
        'event.tz',
        'occurrence.occurrence_key',
        sql<string>`coalesce(occurrence.start_local, occurrence.occurrence_key)`.as('start_local'),
        'thread.tags',
        'community.slug as community_slug',
        'community.name as community_name',
      ])
      .$narrowType<{ presenter_id: string }>()
      .orderBy('start_local', 'desc')
      .limit(2000)
      .execute();
  }

  /**
   * Published pages someone owns or created ("pages written"); a page whose owner changed counts
   * for both. Drafts never count: they are not readable by everyone who may see the profile.
   */
  async pages(viewer: PersonActor, filter: EvidenceFilter) {
    let query = this.db
      .selectFrom('page')
      .innerJoin('community', 'community.id', 'page.community_id')
      .where(visibleTo(viewer))
      .where('page.status', '=', 'published');
    const { authorId } = filter;
    if (authorId) query = query.where((eb) => eb.or([eb('page.owner_id', '=', authorId), eb('page.created_by', '=', authorId)]));
    if (filter.communityId) query = query.where('page.community_id', '=', filter.communityId);
    if (hasTopic(filter)) {
      query = query.where((eb) =>
        onTopic(eb, filter, (tag) =>
          eb.exists(
            eb.selectFrom('page_tag').select('page_tag.tag').whereRef('page_tag.page_id', '=', 'page.id').where('page_tag.tag', '=', tag),
          ),
        ),
      );
    }
    return query
      .select([
        'page.id as page_id',
        'page.title',
        'page.tags',
        'page.owner_id',
        'page.created_by',
        'page.created_at',
        'community.slug as community_slug',
        'community.name as community_name',
      ])
      .orderBy('page.created_at', 'desc')
      .limit(2000)
      .execute();
  }

  /** Declared skills with their level; `skill` compared case-insensitively by callers. */
  async declared(personIds: string[] | 'everyone', skill?: string) {
    let query = this.db.selectFrom('person_skill').select(['person_id', 'skill', 'level']);
    if (personIds !== 'everyone') {
      if (personIds.length === 0) return [];
      query = query.where('person_id', 'in', personIds);
    }
    if (skill) query = query.where(sql<boolean>`lower(replace(skill, ' ', '-')) = ${skill}`);
    return query.orderBy('level', 'desc').orderBy('skill').execute();
  }

  async setDeclared(personId: string, skills: { skill: string; level: number }[], tx: Tx): Promise<void> {
    await tx.deleteFrom('person_skill').where('person_id', '=', personId).execute();
    if (skills.length > 0) {
      await tx
        .insertInto('person_skill')
        .values(skills.map((s) => ({ person_id: personId, skill: s.skill, level: s.level })))
        .execute();
    }
  }

  /** A person's active memberships in communities the viewer may see. */
  async communitiesOf(viewer: PersonActor, personId: string) {
    return this.db
      .selectFrom('membership')
      .innerJoin('community', 'community.id', 'membership.community_id')
      .select(['community.slug', 'community.name', 'membership.role'])
      .where('membership.person_id', '=', personId)
      .where('membership.status', '=', 'active')
      .where(visibleTo(viewer))
      .orderBy(sql`lower(community.name)`)
      .execute();
  }

  /** Of these people, those who may read the community (open to all; private to members, invitees and admins). */
  async readersOf(communityId: string, personIds: string[]): Promise<string[]> {
    if (personIds.length === 0) return [];
    const rows = await this.db
      .selectFrom('person')
      .select('person.id')
      .where('person.id', 'in', personIds)
      .where((eb) =>
        eb.or([
          eb.exists(
            eb
              .selectFrom('community')
              .select('community.id')
              .where('community.id', '=', communityId)
              .where('community.visibility', '=', 'open'),
          ),
          eb('person.org_role', '=', 'admin'),
          eb.exists(
            eb
              .selectFrom('membership')
              .select('membership.person_id')
              .whereRef('membership.person_id', '=', 'person.id')
              .where('membership.community_id', '=', communityId)
              .where('membership.status', 'in', ['active', 'invited']),
          ),
        ]),
      )
      .execute();
    return rows.map((r) => r.id);
  }

  async invite(threadId: string, personIds: string[], by: string, at: string, tx: Tx): Promise<void> {
    await tx
      .insertInto('thread_invitation')
      .values(personIds.map((person_id) => ({ thread_id: threadId, person_id, invited_by: by, created_at: at })))
      .onConflict((oc) => oc.columns(['thread_id', 'person_id']).doNothing())
      .execute();
  }
}
