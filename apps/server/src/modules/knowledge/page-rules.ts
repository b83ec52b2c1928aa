import { MAX_PAGE_BYTES } from '@guildhall/shared';
import type { DB, Tx } from '../../db/database.ts';
import { AppError, badRequest } from '../../errors.ts';
import { bytes, titleKey } from './naming.ts';
import type { PageReader, PagesRepository } from './pages.repository.ts';
import { MAX_DEPTH, shows } from './present.ts';

/** The checks every write of a page shares: size, title, place in the tree. */

export function checkBodySize(source: string, field = 'bodySource'): void {
  if (bytes(source) > MAX_PAGE_BYTES) {
    throw new AppError(413, 'page.too_large', 'A page can hold at most 1 MiB of text; split it into sub-pages.', [
      { field, message: 'At most 1 MiB' },
    ]);
  }
}

export const titleTaken = (title: string, field = 'title') =>
  new AppError(409, 'page.title_taken', `There is already a page called “${title}” in this community (perhaps a draft).`, [
    { field, message: 'Already taken' },
  ]);

/** Refuses a title another page of the community holds, whatever its case. */
export async function checkTitleFree(
  pages: PagesRepository,
  communityId: string,
  title: string,
  selfId: string | null,
  db: DB | Tx,
): Promise<void> {
  const holder = await pages.findByKey(communityId, titleKey(title), db);
  if (holder && holder.id !== selfId) throw titleTaken(title);
}

/**
 * A parent must be a page of the same community that the writer can see; a page cannot move
 * under itself or its own descendants (409 `page.parent_cycle`), nor nest deeper than MAX_DEPTH.
 */
export async function checkParent(
  pages: PagesRepository,
  communityId: string,
  parentId: string | null,
  selfId: string | null,
  reader: PageReader,
  db: DB | Tx,
): Promise<void> {
  if (parentId === null) return;
  const notFound = () =>
    badRequest('page.parent_not_found', 'The parent page is not a page of this community.', [
      { field: 'parentId', message: 'Unknown page' },
    ]);
  const chain = await pages.parentChain(parentId, MAX_DEPTH + 1, db);
  const parent = chain[0];
  if (!parent || parent.community_id !== communityId || !shows(reader, parent)) throw notFound();
  if (selfId !== null && chain.some((p) => p.id === selfId)) {
    throw new AppError(409, 'page.parent_cycle', 'A page cannot sit under itself or one of its own sub-pages.', [
      { field: 'parentId', message: 'Would make a cycle' },
    ]);
  }
  if (chain.length >= MAX_DEPTH) {
    throw badRequest('page.too_deep', `Pages nest at most ${MAX_DEPTH} levels deep.`, [{ field: 'parentId', message: 'Too deep' }]);
  }
}

/** Two writers racing for one title: the loser is told as if it had come second. */
export function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: string }).code;
  return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === '23505';
}
