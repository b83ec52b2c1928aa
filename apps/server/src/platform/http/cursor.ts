import { badRequest } from '../../errors.ts';

/**
 * Keyset-pagination cursors: the sort key of the last item, opaque to clients. Keyset (not
 * offset) pages stay fast on the millionth row and do not skip rows when new ones arrive.
 */
export function encodeCursor(key: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

export function decodeCursor(cursor: string | undefined, arity: number): (string | number)[] | undefined {
  if (cursor === undefined) return undefined;
  try {
    const key: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(key) && key.length === arity && key.every((k) => typeof k === 'string' || typeof k === 'number')) {
      return key;
    }
  } catch {
    // fall through to the error below
  }
  throw badRequest('pagination.invalid_cursor', 'That page cursor is not valid; start from the first page.', [
    { field: 'cursor', message: 'Invalid cursor' },
  ]);
}

/** Fetch limit + 1 rows; the extra one tells whether a next page exists. */
export function pageFrom<Row, Item>(
  rows: Row[],
  limit: number,
  toItem: (row: Row) => Item,
  keyOf: (row: Row) => readonly (string | number)[],
) {
  const hasMore = rows.length > limit;
  const pageRows = hasMore ? rows.slice(0, limit) : rows;
  const last = pageRows[pageRows.length - 1];
  return { items: pageRows.map(toItem), nextCursor: hasMore && last ? encodeCursor(keyOf(last)) : null };
}
