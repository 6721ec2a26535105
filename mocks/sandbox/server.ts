import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { nodeHandler } from './http/node-adapter.ts';
import type { Sandbox, SandboxOptions } from './sandbox.ts';
import { createSandbox } from './sandbox.ts';

/** Options for `startSandbox`: the sandbox options, with the port instead of the origin. */
export interface StartSandboxOptions extends Omit<SandboxOptions, 'origin' | 'appOrigin'> {
  /** Port on 127.0.0.1; 0 picks a free one. Default 8080. */
  port?: number;
  /** The app's origin. Default `http://127.0.0.1:5173`. */
  appOrigin?: string;
}

/** A sandbox listening on 127.0.0.1. */
export interface RunningSandbox extends Sandbox {
  /** The launch page, e.g. `http://127.0.0.1:8080/`. */
  url: string;
  port: number;
  /** Stops listening and closes open connections. */
  close(): Promise<void>;
}

/**
 * Starts the sandbox EHR on 127.0.0.1 (SMART authorization server, FHIR R4 server, launch page).
 * Tests pass `port: 0` and call `close()` when done.
 */
export async function startSandbox(options: StartSandboxOptions = {}): Promise<RunningSandbox> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 8080, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const origin = `http://127.0.0.1:${port}`;
  let sandbox: Sandbox;
  try {
    sandbox = await createSandbox({
      ...options,
      origin,
      appOrigin: options.appOrigin ?? 'http://127.0.0.1:5173',
    });
  } catch (err) {
    server.close();
    throw err;
  }
  server.on('request', nodeHandler(origin, sandbox.handle));
  return {
    ...sandbox,
    url: `${origin}/`,
    port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      }),
  };
}
