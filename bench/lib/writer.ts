import SQLite from 'better-sqlite3';
import pg from 'pg';

export type Value = string | number | null;

/**
 * Bulk inserts for the seeder, below Kysely: the schema (and its search triggers) comes from
 * the real migrations, the rows come through the fastest path each driver has. Rows are plain
 * arrays in the column order given to `table()`.
 *
 * - SQLite: one prepared statement per table, run synchronously inside large transactions.
 * - PostgreSQL: rows are buffered per table and sent as multi-row INSERTs; `flush()` writes the
 *   buffers in the order the tables were registered, so a row never arrives before what it
 *   references (register parents first).
 */
export interface BulkWriter {
  readonly dialect: 'sqlite' | 'postgres';
  table(name: string, columns: string[]): (row: Value[]) => void;
  /** Sends what is buffered; commits now and then so no transaction grows without bound. */
  flush(): Promise<void>;
  tableExists(name: string): Promise<boolean>;
  query<T>(text: string): Promise<T[]>;
  /** Runs a statement after everything buffered so far. */
  exec(text: string): Promise<void>;
  /** Commits, restores the normal settings and closes. */
  finish(): Promise<void>;
}

/** Rows per transaction: large enough that commits cost nothing, small enough to bound the journal. */
const ROWS_PER_COMMIT = 250_000;

export function openSqliteWriter(path: string): BulkWriter {
  const db = new SQLite(path);
  // A fresh file that nobody else reads: the rollback journal in memory instead of a WAL that
  // would hold a copy of every page written (journal_mode = OFF is refused by better-sqlite3's
  // defensive mode, and WAL can only be left for DELETE), no fsync, a big page cache and no
  // foreign-key lookups (the generator only writes rows whose parents it wrote before). All of
  // these are per-connection or restored in finish(); the file ends in WAL mode like the server's.
  db.pragma('journal_mode = DELETE');
  db.pragma('journal_mode = MEMORY');
  db.pragma('synchronous = OFF');
  db.pragma('foreign_keys = OFF');
  db.pragma('cache_size = -1048576');
  db.pragma('temp_store = MEMORY');
  db.pragma('locking_mode = EXCLUSIVE');
  let pending = 0;
  db.exec('BEGIN');
  return {
    dialect: 'sqlite',
    table(name, columns) {
      const statement = db.prepare(`INSERT INTO ${name} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`);
      return (row) => {
        statement.run(row);
        pending++;
      };
    },
    async flush() {
      if (pending < ROWS_PER_COMMIT) return;
      db.exec('COMMIT');
      db.exec('BEGIN');
      pending = 0;
    },
    async tableExists(name) {
      return db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name) !== undefined;
    },
    async query<T>(text: string) {
      return db.prepare(text).all() as T[];
    },
    async exec(text) {
      db.exec(text);
    },
    async finish() {
      db.exec('COMMIT');
      db.pragma('locking_mode = NORMAL');
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
      db.pragma('foreign_keys = ON');
      db.close();
    },
  };
}

/** Parameters per statement stay well under PostgreSQL's 65,535 limit. */
const MAX_PARAMS = 30_000;
const MAX_ROWS_PER_STATEMENT = 1_000;

export async function openPostgresWriter(url: string): Promise<BulkWriter> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  // The load is re-runnable from scratch: a crash loses nothing worth an fsync per commit.
  await client.query('SET synchronous_commit = off');
  await client.query('BEGIN');
  const tables: { name: string; columns: string[]; rows: Value[][] }[] = [];
  let pending = 0;
  let buffered = 0;

  const send = async (name: string, columns: string[], rows: Value[][]) => {
    const perStatement = Math.max(1, Math.min(MAX_ROWS_PER_STATEMENT, Math.floor(MAX_PARAMS / columns.length)));
    for (let start = 0; start < rows.length; start += perStatement) {
      const chunk = rows.slice(start, start + perStatement);
      const params: Value[] = [];
      const tuples = chunk.map((row) => {
        const slots = row.map((value) => {
          params.push(value);
          return `$${params.length}`;
        });
        return `(${slots.join(', ')})`;
      });
      await client.query(`INSERT INTO ${name} (${columns.join(', ')}) VALUES ${tuples.join(', ')}`, params);
    }
  };

  const writeBuffers = async () => {
    for (const table of tables) {
      if (!table.rows.length) continue;
      const rows = table.rows;
      table.rows = [];
      await send(table.name, table.columns, rows);
    }
    pending += buffered;
    buffered = 0;
  };

  return {
    dialect: 'postgres',
    table(name, columns) {
      const table = { name, columns, rows: [] as Value[][] };
      tables.push(table);
      return (row) => {
        table.rows.push(row);
        buffered++;
      };
    },
    async flush() {
      if (buffered < 5_000) return;
      await writeBuffers();
      if (pending >= ROWS_PER_COMMIT) {
        await client.query('COMMIT');
        await client.query('BEGIN');
        pending = 0;
      }
    },
    async tableExists(name) {
      const { rows } = await client.query('SELECT to_regclass($1) AS t', [name]);
      return rows[0]?.t !== null;
    },
    async query<T>(text: string) {
      await writeBuffers();
      return (await client.query(text)).rows as T[];
    },
    async exec(text) {
      await writeBuffers();
      await client.query(text);
    },
    async finish() {
      await writeBuffers();
      await client.query('COMMIT');
      // What autovacuum would do soon after a bulk load: statistics for the planner and a
      // visibility map for index-only scans. Done now so that measurements do not race it.
      await client.query('VACUUM ANALYZE');
      await client.end();
    },
  };
}
