import { extractMentionIds, renderMarkdown } from '../../platform/markdown/markdown.ts';

/**
 * Renders a post once, on write: readers get stored HTML, and the mentions stored with it
 * are the ones the source names. Called before a transaction opens, so rendering never holds
 * the database's write lock.
 */
export function renderPost(source: string): { html: string; mentionIds: string[] } {
  return { html: renderMarkdown(source), mentionIds: extractMentionIds(source) };
}
