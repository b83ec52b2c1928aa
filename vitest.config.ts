import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['apps/**/*.test.ts', 'packages/**/*.test.ts', 'bench/**/*.test.ts'],
    // API tests share nothing but the CPU; argon2 and PostgreSQL databases like some room.
    pool: 'forks',
    testTimeout: 20_000,
    hookTimeout: 30_000,
  },
});
