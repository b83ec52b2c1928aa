import type { Rng } from './random.ts';
import { type Flavour, pickAdjective, pickNoun, pickVerb } from './text.ts';
import { RARE_TERMS } from './vocabulary.ts';

/** Titles of threads, events and pages, in the shapes people actually write them. */

type Parts = { n: () => string; v: () => string; a: () => string; t: () => string };

const parts = (rng: Rng, flavour: Flavour): Parts => ({
  n: () => pickNoun(rng, flavour),
  v: () => pickVerb(rng),
  a: () => pickAdjective(rng),
  t: () => rng.pick(flavour.terms),
});

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

const QUESTION = [
  (p: Parts) => `How do we ${p.v()} the ${p.n()} with ${p.t()}?`,
  (p: Parts) => `Why is our ${p.n()} so ${p.a()} after the ${p.n()}?`,
  (p: Parts) => `Best way to ${p.v()} a ${p.a()} ${p.n()}?`,
  (p: Parts) => `${capitalise(p.t())}: ${p.n()} fails when the ${p.n()} restarts`,
  (p: Parts) => `Is it safe to ${p.v()} the ${p.n()} in production?`,
  (p: Parts) => `Where should the ${p.n()} for ${p.t()} live?`,
  (p: Parts) => `${capitalise(p.a())} ${p.n()} in ${p.t()} — what am I missing?`,
];

const DISCUSSION = [
  (p: Parts) => `Thoughts on ${p.t()} for our ${p.n()}`,
  (p: Parts) => `Lessons from moving the ${p.n()} to ${p.t()}`,
  (p: Parts) => `RFC: ${p.v()} every ${p.n()} across teams`,
  (p: Parts) => `Show and tell: how we ${p.v()} the ${p.n()}`,
  (p: Parts) => `${capitalise(p.t())} and the ${a(p)} ${p.n()}`,
  (p: Parts) => `Do we still need the ${p.n()}?`,
  (p: Parts) => `Reading list: ${p.t()} and ${p.n()}`,
];

const CHALLENGE = [
  (p: Parts) => `Challenge: make the ${p.n()} less ${p.a()}`,
  (p: Parts) => `Challenge: ${p.v()} the ${p.n()} without downtime`,
  (p: Parts) => `Our ${p.a()} ${p.n()} costs every team an hour a week`,
  (p: Parts) => `Help wanted: ${p.v()} the ${p.n()} before the ${p.t()} upgrade`,
];

const a = (p: Parts) => p.a();

export function threadTitle(rng: Rng, flavour: Flavour, kind: 'discussion' | 'question' | 'challenge'): string {
  const templates = kind === 'question' ? QUESTION : kind === 'challenge' ? CHALLENGE : DISCUSSION;
  const title = rng.pick(templates)(parts(rng, flavour));
  // Now and then a title names the exact error or tool: what people search for later.
  return rng.chance(0.02) ? `${title} (${rng.pick(RARE_TERMS)})` : title;
}

const EVENT_TITLES: Record<string, ((p: Parts) => string)[]> = {
  'lunch-and-learn': [(p) => `Lunch & learn: ${p.t()} in practice`, (p) => `Lunch & learn: the ${p.a()} ${p.n()}`],
  'demo-day': [(p) => `Demo day: ${p.n()} and ${p.t()}`, () => 'Demo day'],
  'problem-solving': [(p) => `Problem-solving: our ${p.a()} ${p.n()}`, (p) => `Working session: ${p.v()} the ${p.n()}`],
  'journal-club': [(p) => `Journal club: ${p.t()} papers`, (p) => `Journal club: ${p.n()} at scale`],
  other: [(p) => `${capitalise(p.t())} meetup`, (p) => `${capitalise(p.t())} retro`, () => 'Quarterly planning'],
};

export function eventTitle(rng: Rng, flavour: Flavour, format: string): string {
  return rng.pick(EVENT_TITLES[format] ?? EVENT_TITLES.other ?? [])(parts(rng, flavour));
}

const PAGE_TITLES: Record<string, ((p: Parts) => string)[]> = {
  guide: [(p) => `Getting started with ${p.t()}`, (p) => `A guide to the ${p.n()}`, (p) => `${capitalise(p.t())} for newcomers`],
  'best-practice': [(p) => `How we ${p.v()} the ${p.n()}`, (p) => `${capitalise(p.n())} best practices`],
  'lesson-learned': [(p) => `What the ${p.n()} incident taught us`, (p) => `Lessons from a ${p.a()} ${p.n()}`],
  decision: [(p) => `Decision: adopt ${p.t()} for the ${p.n()}`, (p) => `Decision: ${p.v()} the ${p.n()}`],
  'how-to': [(p) => `How to ${p.v()} the ${p.n()}`, (p) => `Runbook: ${p.a()} ${p.n()}`, (p) => `How to ${p.v()} ${p.t()}`],
  'reading-notes': [(p) => `Notes on "${capitalise(p.t())} at scale"`, (p) => `Reading notes: the ${p.n()} paper`],
};

export function pageTitle(rng: Rng, flavour: Flavour, kind: string): string {
  return rng.pick(PAGE_TITLES[kind] ?? PAGE_TITLES.guide ?? [])(parts(rng, flavour));
}
