import { type Kysely, type Migration, type MigrationProvider, Migrator } from 'kysely';
import type { Database, Dialect } from './database.ts';
import * as foundation from './migrations/0001-foundation.ts';
import * as conversations from './migrations/0002-conversations.ts';
import * as events from './migrations/0003-events.ts';
import * as growth from './migrations/0004-growth.ts';
import * as search from './migrations/0005-search.ts';
import * as knowledge from './migrations/0006-knowledge.ts';
import * as searchPages from './migrations/0007-search-pages.ts';
import * as threadRevision from './migrations/0008-thread-revision.ts';
import * as searchTitles from './migrations/0009-search-titles.ts';

/** Each migration may shape columns by dialect; the list is static so bundlers and tsx agree. */
type DialectMigration = { up(db: Kysely<unknown>, dialect: Dialect): Promise<void> };

const MIGRATIONS: Record<string, DialectMigration> = {
  '0001-foundation': foundation,
  '0002-conversations': conversations,
  '0003-events': events,
  '0004-growth': growth,
  '0005-search': search,
  '0006-knowledge': knowledge,
  '0007-search-pages': searchPages,
  '0008-thread-revision': threadRevision,
  '0009-search-titles': searchTitles,
};

class StaticProvider implements MigrationProvider {
  constructor(private readonly dialect: Dialect) {}
  async getMigrations(): Promise<Record<string, Migration>> {
    return Object.fromEntries(
      Object.entries(MIGRATIONS).map(([name, m]) => [name, { up: (db: Kysely<unknown>) => m.up(db, this.dialect) }]),
    );
  }
}

/** Brings the schema up to date; safe to run at every start (applied ones are skipped). */
export async function migrateToLatest(database: Database): Promise<string[]> {
  const migrator = new Migrator({ db: database.db, provider: new StaticProvider(database.dialect) });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error;
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
