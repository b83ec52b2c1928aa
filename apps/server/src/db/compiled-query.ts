import { type Compilable, CompiledQuery } from 'kysely';
import type { DB } from './database.ts';

type Compiled = { sql: string; parameters: readonly unknown[]; slots: number[] };

/**
 * The SQL of every query compiled here, with a statement name: on PostgreSQL the pool runs
 * these as named prepared statements (database.ts), so each connection parses and plans them
 * once instead of on every request.
 */
export const PREPARED_STATEMENTS = new Map<string, string>();

/**
 * A query built and compiled by Kysely once per database, then run with new values: for the few
 * queries every request runs (who is signed in, the thread being read), where building and
 * compiling the same query each time cost more than executing it (bench/results.md).
 *
 * `build` receives placeholders in place of the values and must use each where a value goes;
 * they are found again among the compiled parameters, so a placeholder Kysely inlined into the
 * SQL instead of binding it is refused at once rather than run with the wrong value.
 */
export function compiledOnce<Args extends string[], Row>(
  arity: Args['length'],
  build: (db: DB, ...placeholders: Args) => Compilable<Row>,
): (db: DB, ...values: Args) => Promise<Row[]> {
  const byDatabase = new WeakMap<DB, Compiled>();
  return async (db, ...values) => {
    let compiled = byDatabase.get(db);
    if (!compiled) {
      const placeholders = Array.from({ length: arity }, (_, i) => `\u0000placeholder ${i}\u0000`);
      const query = build(db, ...(placeholders as Args)).compile();
      const slots = query.parameters.map((p) => placeholders.indexOf(p as string));
      if (placeholders.some((_, i) => !slots.includes(i))) {
        throw new Error(`compiledOnce: a placeholder is not bound as a parameter in: ${query.sql}`);
      }
      compiled = { sql: query.sql, parameters: query.parameters, slots };
      byDatabase.set(db, compiled);
      if (!PREPARED_STATEMENTS.has(query.sql)) PREPARED_STATEMENTS.set(query.sql, `guildhall_${PREPARED_STATEMENTS.size + 1}`);
    }
    const { sql, parameters, slots } = compiled;
    // Parameters that were not placeholders (constants of the query) keep their value.
    const bound = parameters.map((fixed, i) => ((slots[i] as number) < 0 ? fixed : values[slots[i] as number]));
    const result = await db.executeQuery<Row>(CompiledQuery.raw(sql, bound));
    return result.rows;
  };
}
