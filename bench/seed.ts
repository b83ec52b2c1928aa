// `npm run bench:seed -- --scale full|small|tiny [--seed N] [--database URL] [--reset]`
// Writes the reference organisation (bench/README.md) into DATABASE_URL, by default
// sqlite:./bench/data/bench.db, through bulk inserts rather than the HTTP API.
import { parseArgs } from 'node:util';
import { SCALES, type ScaleName } from './lib/scale.ts';
import { DEFAULT_BENCH_DATABASE, seed } from './lib/seed.ts';

const { values } = parseArgs({
  options: {
    scale: { type: 'string', default: 'full' },
    seed: { type: 'string', default: '1' },
    database: { type: 'string' },
    reset: { type: 'boolean', default: false },
  },
});

if (!(values.scale in SCALES)) {
  console.error(`--scale must be one of ${Object.keys(SCALES).join(', ')}`);
  process.exit(2);
}
const seedNumber = Number(values.seed);
if (!Number.isInteger(seedNumber) || seedNumber < 0) {
  console.error('--seed must be a non-negative integer');
  process.exit(2);
}
const databaseUrl = values.database ?? process.env.DATABASE_URL ?? DEFAULT_BENCH_DATABASE;

console.log(`Seeding the ${values.scale} organisation (seed ${seedNumber}) into ${databaseUrl.replace(/:[^:@/]+@/, ':***@')}`);
try {
  const summary = await seed({
    scale: values.scale as ScaleName,
    seed: seedNumber,
    databaseUrl,
    reset: values.reset,
    log: (message) => console.log(`  ${message}`),
  });
  console.log('\nRows:');
  for (const [table, n] of Object.entries(summary.counts)) console.log(`  ${table.padEnd(16)} ${n.toLocaleString('en')}`);
  console.log(`\nSeeded in ${summary.seconds.toFixed(1)} s.`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
