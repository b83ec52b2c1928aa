/** Row shapes of the knowledge room: pages, their revisions and links, whiteboards (0006-knowledge). */

export interface PageTable {
  id: string;
  community_id: string;
  parent_id: string | null;
  title: string;
  /** The title as links name it: see titleKey() in modules/knowledge/title-key.ts. */
  title_key: string;
  kind: 'guide' | 'best-practice' | 'lesson-learned' | 'decision' | 'how-to' | 'reading-notes';
  /** JSON array of tags, for display and search; page_tag holds them for filtering. */
  tags: string;
  status: 'draft' | 'published';
  owner_id: string | null;
  body_source: string;
  body_html: string;
  /** JSON array of { level, id, text }. */
  toc: string;
  version: number;
  /** YYYY-MM-DD */
  review_by: string;
  last_confirmed_at: string | null;
  origin_type: 'thread' | 'challenge' | 'occurrence' | null;
  origin_id: string | null;
  origin_title: string | null;
  origin_link: string | null;
  created_by: string | null;
  created_at: string;
  updated_by: string | null;
  updated_at: string;
}

export interface PageTagTable {
  page_id: string;
  tag: string;
}

export interface PageRevisionTable {
  page_id: string;
  version: number;
  title: string;
  body_source: string;
  summary: string | null;
  author_id: string | null;
  created_at: string;
}

export interface PageLinkTable {
  source_page_id: string;
  community_id: string;
  target_key: string;
}

export interface WhiteboardTable {
  id: string;
  community_id: string;
  title: string;
  /** JSON of the Excalidraw scene. */
  scene: string;
  preview_svg: string | null;
  version: number;
  created_by: string | null;
  created_at: string;
  updated_by: string | null;
  updated_at: string;
}

export interface WhiteboardRevisionTable {
  whiteboard_id: string;
  version: number;
  title: string;
  scene: string;
  preview_svg: string | null;
  summary: string | null;
  author_id: string | null;
  created_at: string;
}

export interface PageWhiteboardTable {
  page_id: string;
  whiteboard_id: string;
  position: number;
}
