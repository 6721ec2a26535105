import { resolve } from 'node:path';
import { createServer } from 'vite';
import { environmentOptions } from './sandbox/environment.ts';
import { startSandbox } from './sandbox/server.ts';

/**
 * `npm start`: the sandbox EHR and the app (Vite dev server) on 127.0.0.1. Prints both URLs; Ctrl-C
 * (SIGINT) or SIGTERM stops both.
 */
const started = performance.now();
const options = environmentOptions(process.env);
const appPort = Number(new URL(options.appOrigin ?? 'http://127.0.0.1:5173').port);
const sandbox = await startSandbox({ ...options, log: (line) => console.log(line) });
const app = await createServer({
  configFile: resolve(import.meta.dirname, '..', 'vite.config.ts'),
  server: { host: '127.0.0.1', port: appPort, strictPort: true },
});
try {
  await app.listen();
} catch (err) {
  await Promise.allSettled([app.close(), sandbox.close()]);
  console.error(
    `Could not start the app on port ${appPort}: ${err instanceof Error ? err.message : String(err)}`,
  );
  console.error('Set APP_PORT to a free port.');
  process.exit(1);
}

console.log('');
console.log(`  Sandbox EHR (open this, pick a patient, press Launch):  ${sandbox.url}`);
console.log(`  App:                                                    http://127.0.0.1:${appPort}/`);
console.log(`  FHIR base:                                              ${sandbox.fhirBase}`);
console.log(`  Ready in ${Math.round(performance.now() - started)} ms. Ctrl-C stops both.`);

let stopping = false;
const stop = (): void => {
  if (stopping) {
    return;
  }
  stopping = true;
  void Promise.allSettled([app.close(), sandbox.close()]).then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
