/**
 * `npm run size`: after `vite build`, the gzip bytes of dist/: the JS the first screen loads (the entry
 * script and its modulepreload links) and all JS including lazy chunks. `npm run bench` measures the same
 * from its own builds, next to the floor.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { measure } from './bundle-size.ts';

const dist = resolve(import.meta.dirname, '..', 'dist');
const html = join(dist, 'index.html');
if (!existsSync(html)) {
  process.stderr.write(`size: ${html} not found; run vite build first\n`);
  process.exit(2);
}
const sizes = measure(dist, html);
process.stdout.write(
  `initial JS (gzip): ${sizes.initialGzipBytes} B in ${sizes.initialFiles.join(', ')}\n` +
    `all JS (gzip):     ${sizes.totalGzipBytes} B\n`,
);
