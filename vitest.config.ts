import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  // `server-only` throws outside React's server build; in tests the server is all there is.
  resolve: { alias: { '@': root, 'server-only': `${root}node_modules/server-only/empty.js` } },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['lib/**/*.test.ts', 'app/**/*.test.ts', 'sandbox/**/*.test.ts'],
          exclude: ['**/*.contract.test.ts', 'node_modules/**'],
          environment: 'node',
        },
      },
      {
        extends: true,
        test: {
          name: 'contract',
          include: ['**/*.contract.test.ts'],
          exclude: ['node_modules/**'],
          environment: 'node',
          globalSetup: ['sandbox/tests/global-setup.ts'],
          // One sandbox process is shared: run files one after another.
          fileParallelism: false,
          testTimeout: 20_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
