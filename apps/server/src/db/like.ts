import { type RawBuilder, sql } from 'kysely';

/**
 * A case-insensitive "contains" pattern for `lower(column) LIKE …`, with the user's own % and _
 * taken literally. The same on SQLite and PostgreSQL (PostgreSQL's LIKE is case-sensitive,
 * hence lower() on both sides).
 */
export function containsPattern(text: string): RawBuilder<string> {
  const escaped = text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`);
  return sql<string>`${`%${escaped}%`} escape '\\'`;
}
