import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import type { LoadResult } from './load.ts';

export type Budget = { text: string; pass: (r: LoadResult) => boolean };

/** DESIGN.md's performance budgets, per scenario, judged at the run's full concurrency. */
export const BUDGETS: Record<string, Budget | undefined> = {
  'thread first page': { text: 'p99 ≤ 20 ms and ≥ 5,000 req/s', pass: (r) => r.p99 <= 20 && r.rps >= 5000 },
  search: { text: 'p95 ≤ 50 ms', pass: (r) => r.p95 <= 50 },
  'title suggestions': { text: 'p95 ≤ 15 ms', pass: (r) => r.p95 <= 15 },
  'create post': { text: '≥ 500 posts/s', pass: (r) => r.rps >= 500 },
};

/** At one connection only the latency part of a budget applies (there is no throughput to speak of). */
const LATENCY_ONLY: Record<string, Budget | undefined> = {
  'thread first page': { text: '(p99 ≤ 20 ms)', pass: (r) => r.p99 <= 20 },
  search: BUDGETS.search,
  'title suggestions': BUDGETS['title suggestions'],
};
export const RSS_BUDGET_MB = 250;

export type Row = {
  scenario: string;
  connections: number;
  result: LoadResult;
  rssMb: number | null;
  /** Server CPU time per request, ms (measured part only). */
  cpuMs: number | null;
  /** PostgreSQL backends' CPU time per request, ms (SQLite runs inside the server). */
  dbCpuMs: number | null;
  /** One-minute load average when the scenario started. */
  load: number;
};

export type Machine = { cpu: string; cores: number; ramGb: number; node: string; database: string; load: string };

export function describeMachine(database: string): Machine {
  let cpu = cpus()[0]?.model ?? 'unknown';
  try {
    cpu = /model name\s*:\s*(.+)/.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1]?.trim() ?? cpu;
  } catch {
    // Not Linux: os.cpus() said it.
  }
  return {
    cpu,
    cores: cpus().length,
    ramGb: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    database,
    load: loadavg()
      .map((l) => l.toFixed(1))
      .join(' / '),
  };
}

const ms = (n: number) => (n < 10 ? n.toFixed(1) : n.toFixed(0));

export function markdownTable(rows: Row[], ceiling: number): string {
  const lines = [
    '| scenario | conn. | req/s | p50 ms | p95 ms | p99 ms | errors / non-2xx | × ceiling | CPU ms/req: server + PG | load | RSS MB | budget | |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | :-: |',
  ];
  for (const { scenario, connections, result: r, rssMb, cpuMs, dbCpuMs, load } of rows) {
    const cpu = cpuMs === null ? '—' : `${cpuMs.toFixed(2)}${dbCpuMs === null ? '' : ` + ${dbCpuMs.toFixed(2)}`}`;
    const budget = connections === 1 ? LATENCY_ONLY[scenario] : BUDGETS[scenario];
    const verdict = budget ? (budget.pass(r) && r.errors + r.non2xx === 0 ? '✅' : '❌') : r.errors + r.non2xx === 0 ? '' : '❌';
    lines.push(
      `| ${scenario} | ${connections} | ${Math.round(r.rps).toLocaleString('en')} | ${ms(r.p50)} | ${ms(r.p95)} | ${ms(r.p99)} | ` +
        `${r.errors} / ${r.non2xx} | ${ceiling ? (r.rps / ceiling).toFixed(2) : '—'} | ${cpu} | ` +
        `${load.toFixed(1)} | ${rssMb === null ? '—' : rssMb.toFixed(0)} | ` +
        `${budget?.text ?? '—'} | ${verdict} |`,
    );
  }
  return lines.join('\n');
}

export function machineLine(m: Machine): string {
  return `${m.cpu}, ${m.cores} cores, ${m.ramGb} GB RAM, Node ${m.node}, ${m.database}; load average at the end ${m.load} (other processes share the machine)`;
}

/**
 * Replaces the text between `<!-- bench:<key> -->` and `<!-- /bench:<key> -->` in results.md,
 * leaving the hand-written findings around it alone; appends the block when it is missing.
 */
export function writeResults(path: string, key: string, block: string): void {
  const start = `<!-- bench:${key} -->`;
  const end = `<!-- /bench:${key} -->`;
  const text = existsSync(path) ? readFileSync(path, 'utf8') : '# Benchmark results\n';
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  const content = `${start}\n${block}\n${end}`;
  const next = from >= 0 && to > from ? text.slice(0, from) + content + text.slice(to + end.length) : `${text.trimEnd()}\n\n${content}\n`;
  writeFileSync(path, next);
}
