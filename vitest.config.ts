import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // CLI tests spawn the built command; 2-core CI machines need some slack.
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
