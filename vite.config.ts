import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

// `base: './'` makes every asset URL relative, so the build works copied under any sub-path of any static
// server. The worker is an ES module worker bundled by Vite.
export default defineConfig({
  base: './',
  plugins: [react()],
  worker: { format: 'es' },
  build: { target: 'es2022', sourcemap: true, chunkSizeWarningLimit: 1024 },
  test: {
    projects: [
      {
        extends: true,
        // Tests on SDK-made data of tens of thousands of spans take seconds on a shared 2-core machine (one took
        // 5.1 s in a CI run against vitest's default limit of 5 s): the limit catches hangs, not slowness.
        test: { name: 'unit', include: ['test/unit/**/*.test.ts'], environment: 'node', testTimeout: 30_000 },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // expect.poll gives up after 1 s by default: a page still busy on a shared machine (a load, a
          // worker's boot) failed a test that waits for the app, not one that checks it.
          expect: { poll: { timeout: 15_000 } },
          fileParallelism: false,
        },
      },
    ],
  },
});
