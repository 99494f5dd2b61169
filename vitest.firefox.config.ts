import { defineConfig } from 'vitest/config';

// The Firefox suite (test/firefox): one Firefox ESR with the production build, the replicas on port 443.
// Its tests run in order in one browser, and the popup's figures count what the tests before did.
export default defineConfig({
  test: {
    include: ['test/firefox/**/*.test.ts'],
    fileParallelism: false,
    sequence: { concurrent: false },
    testTimeout: 60_000,
    hookTimeout: 90_000,
  },
});
