import { EVENT_FORMATS } from '@guildhall/shared';
import type { Community, Org } from './org.ts';
import { type IdMaker, Rng } from './random.ts';
import { DAY_MS, iso, NOW, type Scale } from './scale.ts';
import { postBody, shortText } from './text.ts';
import { eventTitle } from './titles.ts';
import { PLACES, TIME_ZONES } from './vocabulary.ts';
import type { BulkWriter } from './writer.ts';

export type RhythmCounts = { events: number; occurrences: number; rsvps: number };

/** Canonical rules as modules/events/recurrence.ts stores them (no DTSTART, COUNT-bounded). */
const RULES = [
  { rule: 'FREQ=WEEKLY;COUNT=8', days: 7, months: 0, count: 8 },
  { rule: 'FREQ=WEEKLY;INTERVAL=2;COUNT=12', days: 14, months: 0, count: 12 },
  { rule: 'FREQ=MONTHLY;COUNT=6', days: 0, months: 1, count: 6 },
];

const pad = (n: number) => String(n).padStart(2, '0');
/** 'YYYY-MM-DDTHH:mm' of a floating (wall-clock) time held as UTC fields. */
const local = (ms: number) => {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
};

/**
 * Events (one-offs and series), the sessions that have something attached (RSVPs, notes), and
 * RSVPs with attendance for past sessions. Sessions land on weekdays around midday, local time.
 */
export async function seedRhythm(w: BulkWriter, ids: IdMaker, seed: number, scale: Scale, org: Org): Promise<RhythmCounts> {
  const rng = new Rng(seed, 3);
  const event = w.table('event', [
    'id',
    'community_id',
    'format',
    'title',
    'description_source',
    'description_html',
    'start_local',
    'tz',
    'duration_minutes',
    'rrule',
    'place',
    'video_url',
    'capacity',
    'version',
    'created_by',
    'created_at',
    'updated_at',
    'cancelled_at',
  ]);
  const occurrence = w.table('occurrence', [
    'id',
    'event_id',
    'occurrence_key',
    'notes_source',
    'notes_html',
    'version',
    'created_at',
    'updated_at',
  ]);
  const rsvp = w.table('rsvp', ['occurrence_id', 'person_id', 'status', 'queued_at', 'attended', 'checked_in_at', 'updated_at']);
  const counts: RhythmCounts = { events: 0, occurrences: 0, rsvps: 0 };
  const personId = (i: number) => org.people[i]?.id ?? '';
  const live = org.communities.filter((c) => c.members.length >= 3);

  for (let e = 0; e < scale.events; e++) {
    const c = live[rng.skewed(live.length, 1.4)] as Community;
    const format = rng.pick(EVENT_FORMATS);
    const series = rng.chance(0.3) ? rng.pick(RULES) : null;
    // From the community's start to three months ahead, on a weekday.
    let day = Math.floor((c.createdMs + rng.next() * (NOW + 90 * DAY_MS - c.createdMs)) / DAY_MS) * DAY_MS;
    while ([0, 6].includes(new Date(day).getUTCDay())) day += DAY_MS;
    if (series?.months)
      day = Date.UTC(new Date(day).getUTCFullYear(), new Date(day).getUTCMonth(), Math.min(new Date(day).getUTCDate(), 28));
    const startMs = day + rng.pick([10 * 60 + 30, 12 * 60, 12 * 60 + 30, 16 * 60]) * 60_000;
    const createdMs = Math.min(NOW - DAY_MS, Math.max(c.createdMs, startMs - rng.int(3, 30) * DAY_MS));
    const stewards = c.stewards.length ? c.stewards : c.members;
    const id = ids.next(createdMs);
    const description = shortText(rng, c.flavour, rng.int(1, 4));
    const capacity = rng.chance(0.2) ? rng.int(8, 40) : null;
    event([
      id,
      c.id,
      format,
      eventTitle(rng, c.flavour, format),
      description.markdown,
      description.html,
      local(startMs),
      rng.pick(TIME_ZONES),
      rng.pick([30, 45, 60, 90]),
      series?.rule ?? null,
      rng.pick(PLACES),
      rng.chance(0.6) ? `https://meet.example.com/${c.slug}` : null,
      capacity,
      1,
      personId(stewards[rng.skewed(stewards.length, 1.2)] ?? 0),
      iso(createdMs),
      iso(createdMs),
      rng.chance(0.02) ? iso(createdMs + DAY_MS) : null,
    ]);
    counts.events++;

    // Sessions with something attached: the one-off itself, or a few sessions of a series.
    const sessions = series ? rng.sample([...Array(series.count).keys()], rng.int(1, 3)).sort((a, b) => a - b) : [0];
    for (const k of sessions) {
      const start = series?.months
        ? Date.UTC(
            new Date(startMs).getUTCFullYear(),
            new Date(startMs).getUTCMonth() + k,
            new Date(startMs).getUTCDate(),
            new Date(startMs).getUTCHours(),
            new Date(startMs).getUTCMinutes(),
          )
        : startMs + k * (series?.days ?? 0) * DAY_MS;
      const past = start < NOW;
      const occurrenceId = ids.next(createdMs);
      const notes = past && rng.chance(0.3) ? postBody(rng, c.flavour) : null;
      occurrence([occurrenceId, id, local(start), notes?.markdown ?? null, notes?.html ?? null, 1, iso(createdMs), iso(createdMs)]);
      counts.occurrences++;
      const people = rng.sample(c.members, rng.int(3, 30));
      people.forEach((person, i) => {
        const r = rng.next();
        let status = r < 0.72 ? 'going' : r < 0.88 ? 'maybe' : 'not_going';
        if (status === 'going' && capacity !== null && i >= capacity) status = 'waitlisted';
        const attended = past && status === 'going' && rng.chance(0.75) ? 1 : 0;
        const queued = Math.min(NOW - 1000, createdMs + rng.next() * Math.max(DAY_MS, Math.min(start, NOW) - createdMs));
        rsvp([
          occurrenceId,
          personId(person),
          status,
          iso(queued),
          attended,
          attended ? iso(Math.min(start, NOW - 1000)) : null,
          iso(queued),
        ]);
        counts.rsvps++;
      });
    }
    if (e % 500 === 499) await w.flush();
  }
  return counts;
}
