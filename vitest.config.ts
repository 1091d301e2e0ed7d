import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['domain/**/*.test.ts', 'contract/**/*.test.ts', 'server/**/*.test.ts', 'web/src/**/*.test.ts'],
    // temp-global.ts first: the others' folders go in the run's temporary folder it makes.
    globalSetup: ['server/test/temp-global.ts', 'server/test/postgres-global.ts', 'server/test/log-global.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    reporters: ['default'],
  },
});
