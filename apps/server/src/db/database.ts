import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import {
  Kysely,
  PostgresDialect,
  type PostgresPool,
  type PostgresPoolClient,
  type SqliteDatabase,
  SqliteDialect,
  type Transaction,
} from 'kysely';
import pg from 'pg';
import { PREPARED_STATEMENTS } from './compiled-query.ts';
import type { Tables } from './tables.ts';

export type Dialect = 'sqlite' | 'postgres';
export type DB = Kysely<Tables>;
export type Tx = Transaction<Tables>;

export interface Database {
  db: DB;
  dialect: Dialect;
  /** Cheap round-trip for /readyz. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

// timestamptz comes back as ISO text, the same shape SQLite stores, so callers never branch.
pg.types.setTypeParser(1184, (v) => new Date(v).toISOString());
// COUNT(*) is bigint in PostgreSQL; our counts fit comfortably in a double.
pg.types.setTypeParser(20, (v) => Number(v));

export function openDatabase(url: string): Database {
  if (url.startsWith('sqlite:')) return openSqlite(url.slice('sqlite:'.length));
  return openPostgres(url);
}

function openSqlite(path: string): Database {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const sqlite = new SQLite(path);
  // WAL lets readers run while one writer writes; NORMAL sync is safe under WAL.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const db = new Kysely<Tables>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
  return {
    db,
    dialect: 'sqlite',
    ping: async () => {
      sqlite.prepare('select 1').get();
    },
    close: () => db.destroy(),
  };
}

/**
 * Kysely's SQLite driver prepares every query anew; preparing (parsing and planning) cost as
 * much as running the thread page's queries (bench/results.md). Statements are kept by their
 * SQL text, which Kysely builds with placeholders, so the set stays small; the bound keeps a
 * stream of unusual statements (ad-hoc imports, say) from growing it without end. Reuse is safe
 * because the driver runs one statement at a time on its one connection (its mutex), and
 * SQLite re-prepares a statement by itself when a migration changes the schema under it.
 */
export function withStatementCache(sqlite: SQLite.Database, max = 500): SqliteDatabase {
  const statements = new Map<string, SQLite.Statement>();
  return {
    prepare(sql) {
      let statement = statements.get(sql);
      if (statement) {
        // Map order is insertion order: re-inserting marks it most recently used.
        statements.delete(sql);
      } else {
        statement = sqlite.prepare(sql);
        if (statements.size >= max) statements.delete(statements.keys().next().value as string);
      }
      statements.set(sql, statement);
      return statement;
    },
    close: () => sqlite.close(),
  };
}

/**
 * node-postgres sends every query as an unnamed statement, which PostgreSQL parses and plans
 * anew each time; for the lookups every request makes, planning cost more than running
 * (bench/results.md). Queries compiled once (compiled-query.ts) go as named statements instead,
 * prepared once per connection. Everything else passes through untouched.
 */
function withNamedStatements(pool: pg.Pool): PostgresPool {
  return {
    async connect() {
      const client = await pool.connect();
      return {
        query: ((sqlOrCursor: string | object, parameters?: readonly unknown[]) => {
          const name = typeof sqlOrCursor === 'string' ? PREPARED_STATEMENTS.get(sqlOrCursor) : undefined;
          if (name) return client.query({ name, text: sqlOrCursor as string, values: parameters as unknown[] });
          return client.query(sqlOrCursor as string, parameters as unknown[]);
        }) as unknown as PostgresPoolClient['query'],
        release: () => client.release(),
      };
    },
    end: () => pool.end(),
  };
}

function openPostgres(url: string): Database {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // An idle client losing its connection must not take the process down.
  pool.on('error', () => {});
  const db = new Kysely<Tables>({ dialect: new PostgresDialect({ pool: withNamedStatements(pool) }) });
  return {
    db,
    dialect: 'postgres',
    ping: async () => {
      await pool.query('select 1');
    },
    close: () => db.destroy(),
  };
}
