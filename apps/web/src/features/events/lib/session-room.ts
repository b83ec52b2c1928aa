import { type Occurrence, SESSION_OPENS_EARLY_MINUTES } from '@guildhall/shared';

/** The room is open (live questions, check-in) from shortly before the start until the end, as the server decides. */
export function roomOpen(o: Pick<Occurrence, 'startsAt' | 'endsAt' | 'status'>, now = Date.now()): boolean {
  const opens = new Date(o.startsAt).getTime() - SESSION_OPENS_EARLY_MINUTES * 60_000;
  return o.status === 'scheduled' && now >= opens && now <= new Date(o.endsAt).getTime();
}
