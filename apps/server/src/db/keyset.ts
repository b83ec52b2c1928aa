import { type RawBuilder, sql } from 'kysely';

/**
 * The keyset condition for lists sorted by (lower(name), id): rows strictly after the cursor.
 * Pair it with `orderBy(sql\`lower(<name>)\`).orderBy(<id>)` and an index on the same.
 */
export function afterNameKey(nameColumn: string, idColumn: string, [name, id]: [string, string]): RawBuilder<boolean> {
  const nameRef = sql.ref(nameColumn);
  const idRef = sql.ref(idColumn);
  return sql<boolean>`(lower(${nameRef}) > ${name} or (lower(${nameRef}) = ${name} and ${idRef} > ${id}))`;
}
