// `npm run reindex`: rebuilds the search index of the database in DATABASE_URL.
import { loadConfig } from '../../config.ts';
import { openDatabase } from '../../db/database.ts';
import { migrateToLatest } from '../../db/migrate.ts';
import { reindex } from './reindex.ts';

const config = loadConfig();
const database = openDatabase(config.DATABASE_URL);
try {
  await migrateToLatest(database);
  const started = performance.now();
  const counts = await reindex(database);
  const summary = Object.entries(counts)
    .map(([kind, n]) => `${n} ${kind}`)
    .join(', ');
  console.log(`Reindexed ${summary} in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
} finally {
  await database.close();
}
