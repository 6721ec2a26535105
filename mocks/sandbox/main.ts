import { environmentOptions } from './environment.ts';
import { startSandbox } from './server.ts';

/** `npm run sandbox`: the sandbox alone, on SANDBOX_PORT (default 8080). */
const started = performance.now();
const sandbox = await startSandbox({ ...environmentOptions(process.env), log: (line) => console.log(line) });
console.log(`Sandbox EHR:  ${sandbox.url}  (ready in ${Math.round(performance.now() - started)} ms)`);
console.log(`FHIR base:    ${sandbox.fhirBase}`);

const stop = (): void => {
  void sandbox.close().then(() => process.exit(0));
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
