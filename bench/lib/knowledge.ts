import { PAGE_KINDS, PAGE_TEMPLATES, REVIEW_MONTHS } from '@guildhall/shared';
import type { Community, Org } from './org.ts';
import { type IdMaker, Rng } from './random.ts';
import { DAY_MS, iso, NOW, type Scale } from './scale.ts';
import { pageBody } from './text.ts';
import { pageTitle } from './titles.ts';
import { TAGS } from './vocabulary.ts';
import type { BulkWriter } from './writer.ts';

export type KnowledgeCounts = { pages: number; revisions: number };

/** As modules/knowledge/naming.ts computes it; duplicated so the seeder does not import a room's internals. */
const titleKey = (title: string) => title.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();

const SUMMARIES = ['First version', 'Fixed a typo', 'Added an example', 'Updated after the incident review', 'Clarified the steps', null];

function addMonths(ms: number, months: number): string {
  const d = new Date(ms);
  const lastDay = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months + 1, 0)).getUTCDate();
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, Math.min(d.getUTCDate(), lastDay))).toISOString().slice(0, 10);
}

/**
 * Knowledge pages with their revisions (one to five saves each): mostly published, a few drafts,
 * some nested under another page of their community, some past their review date.
 */
export async function seedKnowledge(w: BulkWriter, ids: IdMaker, seed: number, scale: Scale, org: Org): Promise<KnowledgeCounts> {
  const rng = new Rng(seed, 4);
  const page = w.table('page', [
    'id',
    'community_id',
    'parent_id',
    'title',
    'title_key',
    'kind',
    'tags',
    'status',
    'owner_id',
    'body_source',
    'body_html',
    'toc',
    'version',
    'review_by',
    'last_confirmed_at',
    'created_by',
    'created_at',
    'updated_by',
    'updated_at',
  ]);
  const pageTag = w.table('page_tag', ['page_id', 'tag']);
  const revision = w.table('page_revision', ['page_id', 'version', 'title', 'body_source', 'summary', 'author_id', 'created_at']);
  const counts: KnowledgeCounts = { pages: 0, revisions: 0 };
  const personId = (i: number) => org.people[i]?.id ?? '';
  const live = org.communities.filter((c) => c.members.length >= 3);
  const titles = new Map<string, Set<string>>();
  const published = new Map<string, string[]>();

  for (let i = 0; i < scale.pages; i++) {
    const c = live[rng.skewed(live.length, 1.4)] as Community;
    const kind = rng.pick(PAGE_KINDS);
    const taken = titles.get(c.id) ?? new Set<string>();
    titles.set(c.id, taken);
    // Titles are unique per community (they are what [[links]] name).
    let title = pageTitle(rng, c.flavour, kind);
    for (let n = 2; taken.has(titleKey(title)); n++) title = `${pageTitle(rng, c.flavour, kind)}${n > 4 ? ` (${n})` : ''}`;
    taken.add(titleKey(title));

    const createdMs = c.createdMs + rng.next() * (NOW - DAY_MS - c.createdMs);
    const versions = 1 + Math.min(4, Math.floor(rng.exponential(1.2)));
    const authors = c.stewards.length ? c.stewards : c.members;
    const owner = authors[rng.skewed(authors.length, 1.2)] ?? 0;
    const id = ids.next(createdMs);
    let at = createdMs;
    let last = pageBody(rng, c.flavour, PAGE_TEMPLATES[kind].headings);
    let lastAuthor = owner;
    for (let v = 1; v <= versions; v++) {
      if (v > 1) {
        at = Math.min(NOW - 1000, at + rng.exponential(60 * DAY_MS));
        last = pageBody(rng, c.flavour, PAGE_TEMPLATES[kind].headings);
        lastAuthor = c.members[rng.skewed(c.members.length, 1.5)] ?? owner;
      }
      revision([id, v, title, last.markdown, v === 1 ? 'First version' : rng.pick(SUMMARIES), personId(lastAuthor), iso(at)]);
      counts.revisions++;
    }
    const status = rng.chance(0.07) ? 'draft' : 'published';
    const siblings = published.get(c.id) ?? [];
    const parent = siblings.length && rng.chance(0.25) ? rng.pick(siblings) : null;
    const tags = [...new Set(rng.sample([...TAGS.slice(0, 10), ...c.flavour.terms], rng.int(0, 3)))];
    const confirmed = rng.chance(0.2) ? Math.min(NOW - 1000, at + rng.exponential(90 * DAY_MS)) : null;
    page([
      id,
      c.id,
      parent,
      title,
      titleKey(title),
      kind,
      JSON.stringify(tags),
      status,
      personId(owner),
      last.markdown,
      last.html,
      JSON.stringify(last.toc),
      versions,
      addMonths(confirmed ?? at, REVIEW_MONTHS[kind]),
      confirmed === null ? null : iso(confirmed),
      personId(owner),
      iso(createdMs),
      personId(lastAuthor),
      iso(at),
    ]);
    for (const tag of tags) pageTag([id, tag]);
    if (status === 'published') {
      siblings.push(id);
      published.set(c.id, siblings);
    }
    counts.pages++;
    if (i % 500 === 499) await w.flush();
  }
  return counts;
}
