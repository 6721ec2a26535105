/**
 * Measures built JS in gzip bytes: what the first screen loads (entry script plus its static imports,
 * i.e. modulepreload links) and all JS including lazy chunks; and the floor build with the same settings.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build, type InlineConfig } from 'vite';

const root = resolve(import.meta.dirname, '..');

export interface BundleSizes {
  readonly initialGzipBytes: number;
  readonly totalGzipBytes: number;
  readonly initialFiles: readonly string[];
}

function gzipBytes(path: string): number {
  return gzipSync(readFileSync(path), { level: 9 }).length;
}

function jsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      return jsFiles(path);
    }
    return path.endsWith('.js') ? [path] : [];
  });
}

/** The JS an HTML page loads before its first screen: module scripts and modulepreload links. */
export function initialScripts(htmlPath: string, outDir: string): string[] {
  const html = readFileSync(htmlPath, 'utf8');
  const srcs = [
    ...html.matchAll(/<script[^>]+type="module"[^>]+src="([^"]+)"/g),
    ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g),
  ].map((m) => m[1] ?? '');
  return [...new Set(srcs)].map((src) => join(outDir, src.replace(/^\//, '')));
}

/** Sizes of an already built output directory, for the given HTML entry page. */
export function measure(outDir: string, htmlPath: string): BundleSizes {
  const initial = initialScripts(htmlPath, outDir);
  return {
    initialGzipBytes: initial.reduce((sum, file) => sum + gzipBytes(file), 0),
    totalGzipBytes: jsFiles(outDir).reduce((sum, file) => sum + gzipBytes(file), 0),
    initialFiles: initial.map((file) => relative(outDir, file)),
  };
}

/**
 * Runs a vite build as `npm run build` does. Vite keeps a NODE_ENV it finds set (vitest sets `test`), and
 * with it resolves packages' `development` exports (Lit's dev build, twice the size): set `production`.
 */
async function productionBuild(config: InlineConfig): Promise<void> {
  const previous = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ mode: 'production', ...config });
  } finally {
    if (previous === undefined) {
      delete process.env.NODE_ENV;
    } else {
      process.env.NODE_ENV = previous;
    }
  }
}

/** Builds the app with its own vite.config.ts into `outDir`. */
export async function buildApp(outDir: string): Promise<BundleSizes> {
  await productionBuild({
    root,
    configFile: join(root, 'vite.config.ts'),
    logLevel: 'silent',
    build: { outDir, emptyOutDir: true },
  });
  return measure(outDir, join(outDir, 'index.html'));
}

/** Builds the floor page (bench/floor) with the app's settings into `outDir`. */
export async function buildFloor(outDir: string): Promise<BundleSizes> {
  const floorRoot = join(root, 'bench/floor');
  const config: InlineConfig = {
    root: floorRoot,
    configFile: join(root, 'vite.config.ts'),
    logLevel: 'silent',
    build: { outDir, emptyOutDir: true, rollupOptions: { input: join(floorRoot, 'index.html') } },
  };
  await productionBuild(config);
  return measure(outDir, join(outDir, 'index.html'));
}
