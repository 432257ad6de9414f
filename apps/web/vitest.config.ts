// Test project of the web app: unit tests beside the code, and end-to-end tests (e2e/*.e2e.ts) that
// drive the real one-process server in headless Chromium.
import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'web',
    include: ['src/**/*.test.ts', 'e2e/**/*.e2e.ts'],
    testTimeout: 60_000,
    // Starting the server may first build the web app.
    hookTimeout: 180_000,
  },
});
