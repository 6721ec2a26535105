/**
 * The end-to-end stack: the app built once with Vite and served statically, and the sandbox EHR, each on a
 * free 127.0.0.1 port. `close()` stops both.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';
import { build } from 'vite';
import { type RunningSandbox, type StartSandboxOptions, startSandbox } from '../../mocks/sandbox/server.ts';

const root = resolve(import.meta.dirname, '../..');

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

let built: Promise<string> | undefined;

/** Builds the app once per test process into a temporary folder. */
export function buildAppOnce(): Promise<string> {
  built ??= (async () => {
    const outDir = mkdtempSync(join(tmpdir(), 'g9012-e2e-dist-'));
    await build({ root, configFile: join(root, 'vite.config.ts'), logLevel: 'silent', build: { outDir } });
    process.once('exit', () => rmSync(outDir, { recursive: true, force: true }));
    return outDir;
  })();
  return built;
}

function listen(server: Server): Promise<number> {
  return new Promise((done, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => done((server.address() as AddressInfo).port));
  });
}

/** A static file server for the built app; `/app-config.json` comes from `appConfig()`. */
async function serveApp(
  dir: string,
  appConfig: () => unknown,
): Promise<{ origin: string; close(): Promise<void> }> {
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (path === '/test-ehr-frame.html') {
      // A stand-in EHR page that embeds the app in an iframe, as an EHR side panel does.
      const src = new URL(req.url ?? '/', 'http://x').searchParams.get('src') ?? '/';
      const safe = src.replace(/[^A-Za-z0-9:/?&=%._~-]/g, '');
      res
        .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
        .end(
          `<!doctype html><title>EHR</title><h1>EHR</h1><iframe title="G9012" src="${safe}" style="width:1024px;height:760px;border:0"></iframe>`,
        );
      return;
    }
    if (path === '/app-config.json') {
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(appConfig()));
      return;
    }
    const file = normalize(join(dir, path.endsWith('/') ? `${path}index.html` : path));
    if (!file.startsWith(dir) || !existsSync(file)) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    res.end(readFileSync(file));
  });
  const port = await listen(server);
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((done) => {
        server.close(() => done());
        server.closeAllConnections();
      }),
  };
}

/** A running app plus sandbox. */
export interface Stack {
  readonly app: string;
  readonly sandbox: RunningSandbox;
  /** A FHIR search on the sandbox as a user who may read everything (what the server really holds). */
  search(query: string): Promise<Searchset>;
  close(): Promise<void>;
}

/** A search result, as much of it as the tests read. */
export interface Searchset {
  readonly entry?: ReadonlyArray<{
    readonly resource: {
      readonly id: string;
      readonly resourceType: string;
      readonly note?: ReadonlyArray<{ readonly text?: string }>;
    };
  }>;
}

/** Starts the built app and a sandbox that knows the app's origin. */
export async function startStack(
  options: Omit<StartSandboxOptions, 'port' | 'appOrigin'> = {},
): Promise<Stack> {
  const dir = await buildAppOnce();
  let sandbox: RunningSandbox | undefined;
  const app = await serveApp(dir, () => ({
    sandboxes: sandbox ? [{ name: 'Local sandbox EHR', url: sandbox.fhirBase, kind: 'smart' }] : [],
  }));
  sandbox = await startSandbox({ ...options, port: 0, appOrigin: app.origin });
  const running = sandbox;
  return {
    app: app.origin,
    sandbox: running,
    async search(query) {
      const token = running.issueAccessToken({ scope: 'user/*.rs' });
      const response = await fetch(`${running.fhirBase}/${query}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      if (response.status !== 200) {
        throw new Error(`search ${query}: HTTP ${response.status}`);
      }
      return (await response.json()) as Searchset;
    },
    async close() {
      await Promise.allSettled([app.close(), running.close()]);
    },
  };
}
