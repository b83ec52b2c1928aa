/** How big the organisation is. `full` is DESIGN.md's reference data set. */
export type Scale = {
  people: number;
  teams: number;
  communities: number;
  privateCommunities: number;
  threads: number;
  posts: number;
  /** The longest thread's length: thread pages must stay fast however long a thread grows. */
  longestThread: number;
  events: number;
  pages: number;
};

export const SCALES: Record<'full' | 'small' | 'tiny', Scale> = {
  full: {
    people: 5_000,
    teams: 40,
    communities: 200,
    privateCommunities: 20,
    threads: 50_000,
    posts: 1_000_000,
    longestThread: 5_000,
    events: 10_000,
    pages: 20_000,
  },
  // A hundredth, with floors so that every kind of thing (a private community among them) exists.
  small: {
    people: 50,
    teams: 4,
    communities: 4,
    privateCommunities: 1,
    threads: 500,
    posts: 10_000,
    longestThread: 50,
    events: 100,
    pages: 200,
  },
  // For the CI test: seconds, not minutes.
  tiny: {
    people: 30,
    teams: 3,
    communities: 4,
    privateCommunities: 1,
    threads: 40,
    posts: 400,
    longestThread: 40,
    events: 10,
    pages: 12,
  },
};

export type ScaleName = keyof typeof SCALES;

const DAY = 86_400_000;
/** "Now" of the data set, fixed so that timestamps (and so ids) are the same on every run. */
export const NOW = Date.UTC(2026, 10, 1);
/** Three years of history. */
export const HISTORY_START = NOW - 3 * 365 * DAY;
export const DAY_MS = DAY;
export const HOUR_MS = 3_600_000;

export const iso = (ms: number) => new Date(ms).toISOString();

/** The accounts `npm run bench` signs in with. */
export const BENCH_ADMIN = { email: 'bench@example.com', name: 'Bench Admin' };
export const BENCH_MEMBER = { email: 'bench-member@example.com', name: 'Bench Member' };
export const BENCH_PASSWORD = 'bench-password-123';
