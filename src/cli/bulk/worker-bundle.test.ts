import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { bundledWorker } from './worker-bundle.ts';

const dir = mkdtempSync(join(tmpdir(), 'g9012-bundle-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('bundledWorker', () => {
  it('bundles a module with its imports, reuses the cache, and rebuilds when a source changes', async () => {
    const cache = join(dir, 'cache');
    const entry = join(dir, 'entry.ts');
    const dep = join(dir, 'dep.ts');
    writeFileSync(dep, "export const answer: string = 'first-answer';\n");
    writeFileSync(entry, "import { answer } from './dep.ts';\nconsole.log(answer);\n");

    const first = fileURLToPath(await bundledWorker(pathToFileURL(entry), cache));
    expect(readFileSync(first, 'utf8')).toContain('first-answer');
    const builtAt = statSync(first).mtimeMs;

    const again = fileURLToPath(await bundledWorker(pathToFileURL(entry), cache));
    expect(again).toBe(first);
    expect(statSync(again).mtimeMs).toBe(builtAt);

    writeFileSync(dep, "export const answer: string = 'second, longer answer';\n");
    const rebuilt = fileURLToPath(await bundledWorker(pathToFileURL(entry), cache));
    const code = readFileSync(rebuilt, 'utf8');
    expect(code).toContain('second, longer answer');
    expect(code).not.toContain('first-answer');
  });

  it('keeps apart two entries of the same name in different folders (two checkouts, one cache)', async () => {
    const cache = join(dir, 'shared-cache');
    const bundles: string[] = [];
    for (const checkout of ['one', 'two']) {
      mkdirSync(join(dir, checkout));
      const entry = join(dir, checkout, 'worker.ts');
      writeFileSync(entry, `console.log('from checkout ${checkout}');\n`);
      bundles.push(fileURLToPath(await bundledWorker(pathToFileURL(entry), cache)));
    }
    const again = fileURLToPath(await bundledWorker(pathToFileURL(join(dir, 'one', 'worker.ts')), cache));
    expect(readFileSync(again, 'utf8')).toContain('from checkout one');
    expect(readFileSync(bundles[1] ?? '', 'utf8')).toContain('from checkout two');
  });

  it('rejects when the entry does not build, so the caller can fall back to tsx', async () => {
    const entry = join(dir, 'broken.ts');
    writeFileSync(entry, "import { missing } from './nowhere.ts';\nconsole.log(missing);\n");
    await expect(bundledWorker(pathToFileURL(entry), join(dir, 'cache'))).rejects.toThrow();
  });
});
