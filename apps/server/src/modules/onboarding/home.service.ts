import type { Home, UpcomingSession } from '@guildhall/shared';
import type { Actor, PersonActor } from '../../platform/auth/actor.ts';
import { requirePerson } from '../../platform/auth/policy.ts';
import { asTag, type PeopleRepository } from '../people/index.ts';
import type { ProposalsService } from '../proposals/index.ts';
import type { OnboardingRepository } from './onboarding.repository.ts';
import { toItem } from './onboarding.service.ts';

/**
 * The seam for the events room: upcoming sessions of the person's communities. Until it is
 * wired in app.ts, home shows none.
 */
export type UpcomingSessionsSource = (person: PersonActor) => Promise<UpcomingSession[]>;

const parseTags = (json: string): string[] => {
  try {
    const tags: unknown = JSON.parse(json);
    return Array.isArray(tags) ? tags.filter((t): t is string => typeof t === 'string') : [];
  } catch {
    return [];
  }
};

/** What to do next: upcoming sessions, questions one might answer, proposals seeking interest, newcomer paths. */
export class HomeService {
  constructor(
    private readonly onboarding: OnboardingRepository,
    private readonly people: PeopleRepository,
    private readonly proposals: ProposalsService,
    private readonly upcomingSessions: UpcomingSessionsSource = async () => [],
  ) {}

  async home(actor: Actor): Promise<Home> {
    const person = requirePerson(actor);
    const skills = (await this.people.skillsOf(person.personId)).map(asTag).filter(Boolean);
    const [sessions, questions, proposals, pathRows] = await Promise.all([
      this.upcomingSessions(person),
      this.onboarding.questionsFor(person, skills, 10),
      this.proposals.seekingInterest(person, 5),
      this.onboarding.myPaths(person.personId),
    ]);
    const paths = new Map<string, Home['newcomerPaths'][number]>();
    for (const row of pathRows) {
      const path = paths.get(row.slug) ?? { community: { slug: row.slug, name: row.name }, progress: { done: 0, total: 0 }, next: null };
      path.progress.total++;
      if (row.done_at) path.progress.done++;
      else if (!path.next) {
        const { slug: _s, name: _n, done_at: _d, ...item } = row;
        path.next = toItem({ ...item, done: false });
      }
      paths.set(row.slug, path);
    }
    const skillSet = new Set(skills);
    return {
      upcomingSessions: sessions,
      questionsToAnswer: questions.map((q) => {
        const tags = parseTags(q.tags);
        return {
          threadId: q.id,
          title: q.title,
          community: { slug: q.slug, name: q.name },
          tags,
          matched: tags.filter((t) => skillSet.has(t)),
          invited: Boolean(q.invited),
          createdAt: q.created_at,
        };
      }),
      proposalsSeekingInterest: proposals,
      // A path fully walked is no longer "what to do next".
      newcomerPaths: [...paths.values()].filter((p) => p.progress.done < p.progress.total),
    };
  }
}
