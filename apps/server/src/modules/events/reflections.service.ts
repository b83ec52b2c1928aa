import type { EventFormat, FormatReflections, OccurrenceReflections, Reflection, ReflectionInput } from '@guildhall/shared';
import type { DB } from '../../db/database.ts';
import { conflict, forbidden, notFound } from '../../errors.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import { authorize } from '../../platform/auth/policy.ts';
import { now } from '../../platform/ids.ts';
import type { PeopleRepository } from '../people/index.ts';
import { communityResourceOf, type EventAccess } from './event-access.ts';
import { effective } from './present.ts';
import type { ReflectionRow, ReflectionsRepository } from './reflections.repository.ts';
import type { RsvpsRepository } from './rsvps.repository.ts';

function summarise(ratings: { rating: number; n: number }[]) {
  const distribution = [0, 0, 0, 0, 0];
  for (const r of ratings) distribution[r.rating - 1] = (distribution[r.rating - 1] ?? 0) + Number(r.n);
  const count = distribution.reduce((a, b) => a + b, 0);
  const sum = distribution.reduce((a, n, i) => a + n * (i + 1), 0);
  return { count, averageRating: count ? Math.round((sum / count) * 100) / 100 : null, distribution };
}

/**
 * Reflections after a session. Each is visible to its author and to the community's
 * facilitators only (not to other members, nor to org admins who do not facilitate);
 * facilitators also see them aggregated per session and per format.
 */
export class ReflectionsService {
  constructor(
    private readonly db: DB,
    private readonly access: EventAccess,
    private readonly rsvps: RsvpsRepository,
    private readonly reflections: ReflectionsRepository,
    private readonly people: PeopleRepository,
  ) {}

  async reflect(actor: Actor, eventId: string, key: string, input: ReflectionInput): Promise<Reflection> {
    const { person, event, resource, row } = await this.access.occurrence(actor, eventId, key);
    authorize(person, 'event.reflect', resource);
    const session = effective(event, key, row);
    if (session.cancelled) throw conflict('occurrence.cancelled', 'This session was cancelled.');
    if (session.startsAt.getTime() > Date.now()) throw conflict('reflection.too_early', 'Reflect once the session has started.');
    if (!row || !(await this.rsvps.tookPart(row.id, person.personId))) {
      throw forbidden('reflection.attendees_only', 'Only people who attended (or said they were going) can reflect on a session.');
    }
    const at = now();
    await this.db.transaction().execute((tx) =>
      this.reflections.upsert(
        {
          occurrence_id: row.id,
          person_id: person.personId,
          learned: input.learned,
          will_try: input.willTry,
          unclear: input.unclear,
          rating: input.rating,
          created_at: at,
          updated_at: at,
        },
        tx,
      ),
    );
    return this.mine(person, eventId, key);
  }

  async mine(actor: Actor, eventId: string, key: string): Promise<Reflection> {
    const { person, row } = await this.access.occurrence(actor, eventId, key);
    const mine = row && (await this.reflections.mine(row.id, person.personId));
    if (!mine) throw notFound('reflection.not_found', 'You have not reflected on this session yet.');
    return (await this.present(eventId, key, [mine]))[0] as Reflection;
  }

  async ofOccurrence(actor: Actor, eventId: string, key: string): Promise<OccurrenceReflections> {
    const { person, resource, row } = await this.access.occurrence(actor, eventId, key);
    authorize(person, 'event.reflections.read', resource);
    const rows = row ? await this.reflections.ofOccurrence(row.id) : [];
    return { summary: summarise(rows.map((r) => ({ rating: r.rating, n: 1 }))), reflections: await this.present(eventId, key, rows) };
  }

  /** Which formats work for this community: ratings aggregated per format. */
  async byFormat(actor: Actor, slug: string): Promise<FormatReflections> {
    const { person, community } = await this.access.community(actor, slug);
    authorize(person, 'event.reflections.read', communityResourceOf(community));
    const [ratings, sessions] = await Promise.all([
      this.reflections.ratingsByFormat(community.id),
      this.reflections.sessionsByFormat(community.id),
    ]);
    const formats = sessions.map((s) => ({
      format: s.format as EventFormat,
      sessions: Number(s.sessions),
      ...summarise(ratings.filter((r) => r.format === s.format).map((r) => ({ rating: r.rating, n: Number(r.n) }))),
    }));
    return { formats: formats.sort((a, b) => (b.averageRating ?? 0) - (a.averageRating ?? 0)) };
  }

  private async present(eventId: string, key: string, rows: ReflectionRow[]): Promise<Reflection[]> {
    const people = await this.people.summaries(rows.map((r) => r.person_id));
    return rows.flatMap((r) => {
      const p = people.get(r.person_id);
      return p
        ? [
            {
              eventId,
              key,
              person: p,
              learned: r.learned,
              willTry: r.will_try,
              unclear: r.unclear,
              rating: r.rating,
              updatedAt: r.updated_at,
            },
          ]
        : [];
    });
  }
}
