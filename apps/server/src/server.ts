import { buildApp } from './app.ts';
import { ConfigError, loadConfig } from './config.ts';
import { openDatabase } from './db/database.ts';
import { migrateToLatest } from './db/migrate.ts';
import { DEMO_ADMIN_EMAIL, DEMO_PASSWORD, seedDemo } from './db/seeds/demo.ts';

async function main() {
  const config = loadConfig();
  const database = openDatabase(config.DATABASE_URL);
  await migrateToLatest(database);
  const demo = process.env.GUILDHALL_DEMO === '1' || process.argv.includes('--demo');
  const seeded = demo && (await seedDemo(database));
  const app = await buildApp({
    config,
    database,
    logger: { level: config.LOG_LEVEL, redact: ['req.headers.authorization', 'req.headers.cookie'] },
  });

  const shutdown = async (signal: string) => {
    app.log.info({ signal }, 'shutting down');
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));

  await app.listen({ port: config.PORT, host: config.HOST });
  if (seeded) {
    app.log.info(`Demo organisation ready: sign in as ${DEMO_ADMIN_EMAIL} (or any demo person) with password "${DEMO_PASSWORD}".`);
  } else if (demo) {
    app.log.info('Demo requested, but this database already has people in it; left as it is.');
  }
}

main().catch((error) => {
  if (error instanceof ConfigError) {
    console.error(error.message);
  } else {
    console.error('Guildhall could not start:', error);
  }
  process.exit(1);
});
