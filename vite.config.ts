import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';

const root = import.meta.dirname;

export default defineConfig({
  // fhirclient's pure build leaves out its core-js polyfills; every browser we target has what it needs.
  define: { FHIRCLIENT_PURE: 'true' },
  resolve: {
    // fhirclient falls back to isomorphic-webcrypto only without globalThis.crypto; browsers all have it.
    alias: { 'isomorphic-webcrypto': resolve(root, 'src/webcrypto-shim.ts') },
  },
  server: { host: '127.0.0.1', port: Number(process.env.APP_PORT ?? 5173), strictPort: true },
  preview: { host: '127.0.0.1', port: Number(process.env.APP_PORT ?? 5173), strictPort: true },
  build: {
    target: 'es2022',
    rollupOptions: {
      input: {
        index: resolve(root, 'index.html'),
        launch: resolve(root, 'launch/launch.html'),
        standalone: resolve(root, 'launch/standalone.html'),
      },
    },
  },
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'mocks/**/*.test.ts', 'bench/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
    hookTimeout: 60_000,
    setupFiles: ['test/setup/no-phi-console.ts'],
    alias: {
      // The package's "main" is the Node entry; the browser entry is what exposes FHIR.oauth2 in tests.
      fhirclient: resolve(root, 'node_modules/fhirclient/lib/entry/browser.js'),
    },
  },
});
