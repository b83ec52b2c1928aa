import type {
  DeclaredSkill,
  DerivedExpertise,
  Evidence,
  Helper,
  HelperList,
  PersonExpertise,
  PersonProfile,
  SetSkillsInput,
} from '@guildhall/shared';
import { PEOPLE_EVENTS } from '@guildhall/shared';
import type { DB } from '../../db/database.ts';
import { badRequest, notFound } from '../../errors.ts';
import type { Actor, PersonActor } from '../../platform/auth/actor.ts';
import { authorize, requirePerson } from '../../platform/auth/policy.ts';
import { now } from '../../platform/ids.ts';
import type { EventBus } from '../../platform/realtime/bus.ts';
import type { ConversationAccess } from '../conversations/index.ts';
import {
  type Attributed,
  endorsementKeys,
  newestFirst,
  pageEvidence,
  parseTags,
  postEvidence,
  score,
  strongestFirst,
  talkEvidence,
} from './evidence.ts';
import type { EvidenceFilter, ExpertiseRepository } from './expertise.repository.ts';
import type { PeopleRepository } from './people.repository.ts';

/** A topic as a tag: "Kubernetes Observability" → "kubernetes-observability". */
export const asTag = (topic: string) =>
  topic
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, '-')
    .replace(/[^a-z0-9-]/g, '');

/**
 * "Who can help with X?": expertise derived from what people did (accepted answers weigh
 * most, then talks given, pages written, answers and reactions received) plus what they
 * declared ("ask me about", one point per level), with the evidence listed so a reader can judge it.
 */
export class ExpertiseService {
  constructor(
    private readonly db: DB,
    private readonly expertise: ExpertiseRepository,
    private readonly people: PeopleRepository,
    private readonly conversations: ConversationAccess,
    private readonly bus: EventBus,
  ) {}

  /** A profile with the communities, roles, counts, talks and pages the viewer may see. */
  async profile(actor: Actor, personId: string): Promise<PersonProfile> {
    const viewer = requirePerson(actor);
    const profile = await this.people.findProfile(personId);
    if (!profile) throw notFound('person.not_found', 'No such person.');
    const filter = { authorId: personId };
    const [declared, communities, answers, talkRows, pageRows] = await Promise.all([
      this.expertise.declared([personId]),
      this.expertise.communitiesOf(viewer, personId),
      this.expertise.answers(viewer, filter),
      this.expertise.talks(viewer, filter),
      this.expertise.pages(viewer, filter),
    ]);
    const talks = talkEvidence(talkRows).map((t) => t.evidence);
    const pages = pageEvidence(pageRows, personId).map((p) => p.evidence);
    return {
      ...profile,
      skillLevels: declared.map((d) => ({ skill: d.skill, level: d.level })),
      communities: communities.map((c) => ({ slug: c.slug, name: c.name, role: c.role })),
      acceptedAnswers: answers.filter((a) => a.accepted).length,
      talksGiven: talks.length,
      pagesWritten: pages.length,
      talks: talks.sort(newestFirst).slice(0, 10),
      pages: pages.sort(newestFirst).slice(0, 10),
    };
  }

  async setSkills(actor: Actor, input: SetSkillsInput): Promise<DeclaredSkill[]> {
    authorize(actor, 'profile.update', { type: 'self' });
    const unique = new Map<string, { skill: string; level: number }>();
    for (const s of input.skills) if (!unique.has(s.skill.toLowerCase())) unique.set(s.skill.toLowerCase(), s);
    await this.db.transaction().execute((tx) => this.expertise.setDeclared(actor.personId, [...unique.values()], tx));
    return (await this.expertise.declared([actor.personId])).map((d) => ({ skill: d.skill, level: d.level }));
  }

  /** One person's expertise per tag and per community, from the activity the viewer may see. */
  async of(actor: Actor, personId: string): Promise<PersonExpertise> {
    const viewer = requirePerson(actor);
    if (!(await this.people.exists(personId))) throw notFound('person.not_found', 'No such person.');
    const [declared, attributed] = await Promise.all([this.expertise.declared([personId]), this.evidence(viewer, { authorId: personId })]);
    const groups = new Map<
      string,
      { kind: 'tag' | 'community'; topic: string; community: Evidence['community'] | null; evidence: Evidence[] }
    >();
    const add = (key: string, entry: Omit<DerivedExpertise, 'score' | 'counts' | 'evidence'>, e: Evidence) => {
      const group = groups.get(key) ?? { ...entry, evidence: [] };
      group.evidence.push(e);
      groups.set(key, group);
    };
    for (const { evidence: e } of attributed) {
      for (const tag of e.tags) add(`tag:${tag}`, { kind: 'tag', topic: tag, community: null }, e);
      add(`community:${e.community.slug}`, { kind: 'community', topic: e.community.name, community: e.community }, e);
    }
    const derived = [...groups.values()]
      .map((g) => ({ ...g, ...score(g.evidence), evidence: g.evidence.sort(strongestFirst).slice(0, 10) }))
      .sort((a, b) => b.score - a.score || a.topic.localeCompare(b.topic));
    return { declared: declared.map((d) => ({ skill: d.skill, level: d.level })), derived };
  }

  async helpers(actor: Actor, topic: string, limit: number): Promise<HelperList> {
    const viewer = requirePerson(actor);
    const tag = asTag(topic);
    if (!tag) throw badRequest('expertise.invalid_topic', 'Name a topic.', [{ field: 'topic', message: 'Name a topic' }]);
    const ranked = await this.rank(viewer, { topicTag: tag, topicText: topic.trim().toLowerCase() }, tag);
    return { items: ranked.slice(0, limit) };
  }

  /** People to invite to answer a question: evidence on its tags (or its community), who can read it. */
  async suggestedHelpers(actor: Actor, threadId: string): Promise<HelperList> {
    const { person, thread } = await this.conversations.thread(actor, threadId);
    const tags = parseTags(thread.tags);
    const filters: EvidenceFilter[] = tags.length > 0 ? tags.map((t) => ({ topicTag: t })) : [{ communityId: thread.community_id }];
    const byPerson = new Map<string, Helper>();
    for (const [i, filter] of filters.entries()) {
      for (const helper of await this.rank(person, filter, tags[i])) {
        const seen = byPerson.get(helper.person.id);
        if (!seen || seen.score < helper.score) byPerson.set(helper.person.id, helper);
      }
    }
    // A named asker is not suggested to answer themselves; an anonymous one may be, as anyone else.
    const exclude = new Set([person.personId, ...(thread.public_author_id ? [thread.public_author_id] : [])]);
    const candidates = [...byPerson.values()].filter((h) => !exclude.has(h.person.id));
    const readers = new Set(
      await this.expertise.readersOf(
        thread.community_id,
        candidates.map((h) => h.person.id),
      ),
    );
    return {
      items: candidates
        .filter((h) => readers.has(h.person.id))
        .sort((a, b) => b.score - a.score)
        .slice(0, 10),
    };
  }

  /** "Invite to answer": each invitee hears of it (an event for them alone) if they may read the question. */
  async inviteToAnswer(actor: Actor, threadId: string, personIds: string[]): Promise<{ invited: string[] }> {
    const { person, thread, resource } = await this.conversations.thread(actor, threadId);
    authorize(person, 'thread.invite', resource);
    if (thread.kind !== 'question') {
      throw badRequest('invitation.not_a_question', 'Only questions take invitations to answer.', [
        { field: 'threadId', message: 'Not a question' },
      ]);
    }
    const wanted = [...new Set(personIds)].filter((id) => id !== person.personId);
    const readers = new Set(await this.expertise.readersOf(thread.community_id, wanted));
    const refused = wanted.filter((id) => !readers.has(id));
    if (refused.length > 0) {
      throw badRequest(
        'invitation.cannot_read',
        'Some of these people cannot read this community, or do not exist.',
        refused.map((id) => ({ field: 'personIds', message: `Cannot invite ${id}` })),
      );
    }
    if (wanted.length > 0)
      await this.db.transaction().execute((tx) => this.expertise.invite(thread.id, wanted, person.personId, now(), tx));
    for (const invitee of wanted) {
      await this.bus
        .publish({
          type: PEOPLE_EVENTS.invitedToAnswer,
          communityId: thread.community_id,
          audience: [invitee],
          data: { threadId: thread.id, invitedBy: person.personId },
        })
        .catch(() => {});
    }
    return { invited: wanted };
  }

  /** Everything the viewer may see that counts as evidence under the filter, with whose it is. */
  private async evidence(viewer: PersonActor, filter: EvidenceFilter): Promise<Attributed[]> {
    const [answers, reactions, talks, pages] = await Promise.all([
      this.expertise.answers(viewer, filter),
      this.expertise.reactions(viewer, filter),
      this.expertise.talks(viewer, filter),
      this.expertise.pages(viewer, filter),
    ]);
    // Does the one vouched for vouch back? Asked over everything the viewer may read, not just this topic.
    const given = endorsementKeys(answers, reactions);
    const back = await this.expertise.endorsements(viewer, [...new Set(given.map((e) => e.to))], [...new Set(given.map((e) => e.from))]);
    const reciprocal = new Set(given.filter((e) => back.has(`${e.to}>${e.from}`)).map((e) => `${e.from}>${e.to}`));
    return [...postEvidence(answers, reactions, reciprocal), ...talkEvidence(talks), ...pageEvidence(pages, filter.authorId)];
  }

  private async rank(viewer: PersonActor, filter: EvidenceFilter, declaredTag: string | undefined): Promise<Helper[]> {
    const [attributed, declared] = await Promise.all([
      this.evidence(viewer, filter),
      declaredTag ? this.expertise.declared('everyone', declaredTag) : Promise.resolve([]),
    ]);
    const evidence = new Map<string, Evidence[]>();
    for (const { personId, evidence: e } of attributed) evidence.set(personId, [...(evidence.get(personId) ?? []), e]);
    const levels = new Map(declared.map((d) => [d.person_id, d.level]));
    const ids = [...new Set([...evidence.keys(), ...levels.keys()])];
    const people = await this.people.summaries(ids);
    return ids
      .flatMap((id) => {
        const summary = people.get(id);
        if (!summary) return [];
        const items = evidence.get(id) ?? [];
        const { score: points, counts } = score(items);
        const level = levels.get(id) ?? null;
        return [
          { person: summary, score: points + (level ?? 0), declaredLevel: level, counts, evidence: items.sort(strongestFirst).slice(0, 5) },
        ];
      })
      .sort(
        (a, b) => b.score - a.score || b.counts.acceptedAnswers - a.counts.acceptedAnswers || a.person.name.localeCompare(b.person.name),
      );
  }
}
