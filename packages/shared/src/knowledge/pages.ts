import { z } from 'zod';
import { Id, line, Timestamp } from '../common/index.ts';
import { Tags } from '../conversations/index.ts';
import { PersonSummary } from '../people/index.ts';

export const PAGE_KINDS = ['guide', 'best-practice', 'lesson-learned', 'decision', 'how-to', 'reading-notes'] as const;
export const PageKind = z.enum(PAGE_KINDS);
export type PageKind = z.infer<typeof PageKind>;
export const PAGE_KIND_LABELS: Record<PageKind, string> = {
  guide: 'Guide',
  'best-practice': 'Best practice',
  'lesson-learned': 'Lesson learned',
  decision: 'Decision',
  'how-to': 'How-to',
  'reading-notes': 'Reading notes',
};

/**
 * How long a page of each kind stays trustworthy before someone should look at it again
 * (docs/decisions/0009-knowledge.md). Instructions rot fastest; records of a moment (decisions,
 * notes on a reading) slowest. An edit or a "still accurate" moves the date this far ahead.
 */
export const REVIEW_MONTHS: Record<PageKind, number> = {
  'how-to': 6,
  guide: 12,
  'best-practice': 12,
  'lesson-learned': 12,
  decision: 24,
  'reading-notes': 24,
};

/** Each kind's short template: at most six headings, so that writing one down stays quick. */
export const PAGE_TEMPLATES: Record<PageKind, { description: string; headings: string[] }> = {
  guide: {
    description: 'Orient someone new to a topic: what it is, where to start, where to go next.',
    headings: ['Who this is for', 'Before you start', 'The essentials', 'Common pitfalls', 'Going further'],
  },
  'best-practice': {
    description: 'A way of working the community recommends, and why.',
    headings: ['Context', 'The practice', 'Why it works', 'When not to use it', 'Examples'],
  },
  'lesson-learned': {
    description: 'Blameless: describe systems and decisions, not people.',
    headings: ['What happened', 'What we learned', 'What we changed', 'Open questions'],
  },
  decision: {
    description: 'A decision record: what was decided, among which options, and what follows from it.',
    headings: ['Context', 'Options', 'Decision', 'Consequences'],
  },
  'how-to': {
    description: 'Steps to reach one goal, checked by whoever follows them.',
    headings: ['Goal', 'Prerequisites', 'Steps', 'Check that it worked', 'Troubleshooting'],
  },
  'reading-notes': {
    description: 'Notes on a paper, article, chapter or talk the community read together.',
    headings: ['What we read', 'Key ideas', 'Discussion', 'What we will try', 'Further reading'],
  },
};

/** The Markdown a new page of this kind starts from: its headings, with room to write under each. */
export const templateBody = (kind: PageKind): string => PAGE_TEMPLATES[kind].headings.map((h) => `## ${h}\n\n`).join('');

export const KnowledgeTemplate = z.object({
  kind: PageKind,
  label: z.string(),
  description: z.string(),
  headings: z.array(z.string()).max(6),
  /** Ready-to-edit Markdown: one `## heading` per section. */
  body: z.string(),
  /** Months until a page of this kind is due for review. */
  reviewMonths: z.number().int(),
});
export type KnowledgeTemplate = z.infer<typeof KnowledgeTemplate>;
export const KnowledgeTemplates = z.object({ templates: z.array(KnowledgeTemplate) });
export type KnowledgeTemplates = z.infer<typeof KnowledgeTemplates>;

/** A page's Markdown source is at most 1 MiB of UTF-8 (larger: 413 `page.too_large`). */
export const MAX_PAGE_BYTES = 1024 * 1024;

/**
 * A page title. Titles are what `[[Page title]]` links name, so they may not contain the
 * characters that delimit a link (`[`, `]`, `|`) nor line breaks. Unique per community,
 * regardless of case (409 `page.title_taken`).
 */
export const PageTitle = line(200).refine((s) => !/[[\]|\p{Cc}]/u.test(s), {
  message: 'A title cannot contain [, ], | or line breaks',
});

/** Size is checked on the server in UTF-8 bytes (413 `page.too_large`, field `bodySource`). */
export const PageBody = z.string().describe('Markdown, at most 1 MiB of UTF-8.');

export const PageStatus = z.enum(['draft', 'published']);
export type PageStatus = z.infer<typeof PageStatus>;

/** A calendar date, YYYY-MM-DD. */
export const ReviewDate = z.iso.date();

export const ORIGIN_TYPES = ['thread', 'challenge', 'occurrence'] as const;
export const OriginType = z.enum(ORIGIN_TYPES);
export type OriginType = z.infer<typeof OriginType>;

/**
 * Where a captured page came from. `id` is the thread's id, or `<eventId>/<occurrenceKey>` for a
 * session; `title` is the source's title when it was captured; `link` is the web app's path to it.
 */
export const PageOrigin = z.object({ type: OriginType, id: z.string(), title: z.string(), link: z.string() });
export type PageOrigin = z.infer<typeof PageOrigin>;

/** One heading of a page, for its table of contents; `id` is the heading's HTML id (`#h-…`). */
export const TocEntry = z.object({ level: z.number().int().min(1).max(6), id: z.string(), text: z.string() });
export type TocEntry = z.infer<typeof TocEntry>;

export const PageCommunity = z.object({ id: Id, slug: z.string(), name: z.string() });

/** A page named in a list of references: children, backlinks, captures. */
export const PageRef = z.object({ id: Id, title: z.string(), kind: PageKind, status: PageStatus });
export type PageRef = z.infer<typeof PageRef>;

export const WhiteboardRef = z.object({
  id: Id,
  title: z.string(),
  version: z.number().int(),
  /** GET it as an image: sanitised SVG, or 404 `whiteboard.no_preview` when none was saved. */
  previewUrl: z.string().nullable(),
});
export type WhiteboardRef = z.infer<typeof WhiteboardRef>;

export const PageSummary = z.object({
  id: Id,
  /** null at the top level, and when the parent is a draft the viewer cannot see. */
  parentId: Id.nullable(),
  title: z.string(),
  kind: PageKind,
  tags: z.array(z.string()),
  status: PageStatus,
  owner: PersonSummary.nullable(),
  reviewBy: ReviewDate,
  /** Published and past its review date: readers see a gentle banner. */
  isStale: z.boolean(),
  version: z.number().int(),
  updatedAt: Timestamp,
});
export type PageSummary = z.infer<typeof PageSummary>;

/** A page as its reader sees it. URLs address pages by id (titles change; ids do not). */
export const KnowledgePage = PageSummary.extend({
  community: PageCommunity,
  /** From the top of the tree down to the parent; drafts the viewer cannot see are left out. */
  ancestors: z.array(z.object({ id: Id, title: z.string() })),
  children: z.array(PageRef),
  /** Markdown as written. `[[Title]]` links other pages; `![[whiteboard:<id>]]` embeds a whiteboard. */
  bodySource: z.string(),
  /**
   * Sanitised HTML rendered on the server. Links to pages are `<a class="wikilink">`; a link to a
   * page that does not exist yet is `<a class="wikilink-missing" href="…/knowledge/new?title=…">`;
   * an embedded whiteboard is `<a class="whiteboard-embed" data-whiteboard-id="…">` (show its
   * preview there); headings carry ids for the table of contents; mermaid blocks are
   * `<pre class="mermaid">`.
   */
  bodyHtml: z.string(),
  toc: z.array(TocEntry),
  origin: PageOrigin.nullable(),
  /** Whiteboards this page embeds, in order of first appearance. */
  whiteboards: z.array(WhiteboardRef),
  lastConfirmedAt: Timestamp.nullable(),
  createdAt: Timestamp,
  updatedBy: PersonSummary.nullable(),
  /** Save a new revision, restore one, confirm it is still accurate. */
  canEdit: z.boolean(),
  /** Change the owner, delete. */
  canManage: z.boolean(),
});
export type KnowledgePage = z.infer<typeof KnowledgePage>;

/** One node of a community's page tree (a flat list; build the tree from `parentId`). */
export const PageTreeNode = z.object({
  id: Id,
  parentId: Id.nullable(),
  title: z.string(),
  kind: PageKind,
  status: PageStatus,
  isStale: z.boolean(),
  updatedAt: Timestamp,
});
export type PageTreeNode = z.infer<typeof PageTreeNode>;
export const PageTree = z.object({
  items: z.array(PageTreeNode),
  /** More pages exist than a tree answers (5,000); use the paged list. */
  truncated: z.boolean(),
});
export type PageTree = z.infer<typeof PageTree>;

const Summary = z.string().trim().max(300);

export const CreatePageInput = z.strictObject({
  title: PageTitle,
  kind: PageKind,
  bodySource: PageBody.default(''),
  tags: Tags.default([]),
  parentId: Id.nullable().default(null),
  status: PageStatus.default('published'),
  /** Default: today plus REVIEW_MONTHS of the kind. */
  reviewBy: ReviewDate.optional(),
  /** The first revision's note. */
  summary: Summary.optional(),
});
export type CreatePageInput = z.infer<typeof CreatePageInput>;
export type CreatePageRequest = z.input<typeof CreatePageInput>;

/**
 * Every save is a revision. `version` is the version the editor started from: a stale one is
 * refused with 409 `page.version_conflict` (PageConflictProblem). Fields left out keep their
 * value, except `reviewBy`: an edit counts as a review, so it moves to today plus the kind's
 * months unless given.
 */
export const SavePageInput = z.strictObject({
  version: z.number().int(),
  title: PageTitle,
  bodySource: PageBody,
  kind: PageKind.optional(),
  tags: Tags.optional(),
  parentId: Id.nullable().optional(),
  status: PageStatus.optional(),
  reviewBy: ReviewDate.optional(),
  summary: Summary.optional(),
});
export type SavePageInput = z.infer<typeof SavePageInput>;
export type SavePageRequest = z.input<typeof SavePageInput>;

/** Only the owner or a facilitator; the new owner must be an active member of the community. */
export const ChangePageOwnerInput = z.strictObject({ ownerId: Id });
export type ChangePageOwnerInput = z.infer<typeof ChangePageOwnerInput>;

export const PreviewPageInput = z.strictObject({ bodySource: PageBody });
export const PagePreview = z.object({ bodyHtml: z.string(), toc: z.array(TocEntry) });
export type PagePreview = z.infer<typeof PagePreview>;

export const PageSort = z.enum(['updated', 'title', 'review']);
export const PageListQuery = z.strictObject({
  kind: PageKind.optional(),
  tag: z.string().trim().toLowerCase().max(30).optional(),
  status: PageStatus.optional(),
  /** Only published pages past their review date. */
  stale: z.enum(['true', 'false']).optional(),
  /** Only the pages I own. */
  owner: z.enum(['me']).optional(),
  /** Children of one page, or `root` for the top level. */
  parent: z.union([z.literal('root'), Id]).optional(),
  /** updated: recently updated first; title: A–Z; review: soonest (or most overdue) review first. */
  sort: PageSort.default('updated'),
  cursor: z.string().max(512).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});
export type PageListQuery = z.infer<typeof PageListQuery>;
export type PageListParams = z.input<typeof PageListQuery>;
