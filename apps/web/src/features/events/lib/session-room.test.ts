import { describe, expect, it } from 'vitest';
import { roomOpen } from './session-room';

describe('roomOpen: when live questions are taken', () => {
  const session = { startsAt: '2030-03-07T11:00:00.000Z', endsAt: '2030-03-07T12:00:00.000Z', status: 'scheduled' as const };
  const at = (iso: string) => new Date(iso).getTime();

  it('opens 30 minutes before the start and closes at the end', () => {
    expect(roomOpen(session, at('2030-03-07T10:29:59Z'))).toBe(false);
    expect(roomOpen(session, at('2030-03-07T10:30:00Z'))).toBe(true);
    expect(roomOpen(session, at('2030-03-07T11:30:00Z'))).toBe(true);
    expect(roomOpen(session, at('2030-03-07T12:00:00Z'))).toBe(true);
    expect(roomOpen(session, at('2030-03-07T12:00:01Z'))).toBe(false);
  });

  it('stays shut for a cancelled session', () => {
    expect(roomOpen({ ...session, status: 'cancelled' }, at('2030-03-07T11:30:00Z'))).toBe(false);
  });
});
