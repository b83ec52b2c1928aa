import { rmSync } from 'node:fs';

/** Removes the temporary SQLite directory that playwright.config.ts made for this run. */
export default function globalTeardown() {
  const dir = process.env.E2E_DATA_DIR;
  if (dir && process.env.E2E_DATA_DIR_OWNED === '1') rmSync(dir, { recursive: true, force: true });
}
