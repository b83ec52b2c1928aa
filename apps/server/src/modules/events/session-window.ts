import { SESSION_OPENS_EARLY_MINUTES } from '@guildhall/shared';

type Session = { startsAt: Date; endsAt: Date; cancelled: boolean };

/**
 * Whether the session's room is open: from shortly before its start until its end. Check-in and
 * live questions are for the people in the room, so both keep to it.
 */
export function roomOpen(session: Session, at = Date.now()): boolean {
  const opens = session.startsAt.getTime() - SESSION_OPENS_EARLY_MINUTES * 60_000;
  return !session.cancelled && at >= opens && at <= session.endsAt.getTime();
}
