import { defineConfig } from 'vitest/config';

// One test run for the monorepo: each package or app is a project.
export default defineConfig({
  test: {
    projects: ['packages/*', 'apps/api', 'apps/web'],
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
