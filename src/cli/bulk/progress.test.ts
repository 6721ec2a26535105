import { describe, expect, it } from 'vitest';
import { progressLine, progressReporter } from './progress.ts';

function sink(isTTY: boolean) {
  const chunks: string[] = [];
  return { chunks, isTTY, write: (chunk: string) => chunks.push(chunk) };
}

describe('bulk progress', () => {
  it('says drafts done, rate and time left', () => {
    expect(progressLine(120, 1000, 40)).toBe('reviewed 120/1000 drafts, 40.0/s, about 22 s left');
    expect(progressLine(0, 1000, undefined)).toBe('reviewed 0/1000 drafts');
    expect(progressLine(100, 10_000, 50)).toBe('reviewed 100/10000 drafts, 50.0/s, about 3 min 18 s left');
  });

  it('measures the rate from the first finished draft and redraws one line', () => {
    const out = sink(true);
    let t = 10_000;
    const progress = progressReporter(out, 100, () => t, {});
    progress.tick(1);
    t += 1000;
    progress.tick(11);
    progress.finish(11);
    expect(out.chunks[0]).toBe('\rreviewed 1/100 drafts\u001b[K');
    expect(out.chunks[1]).toBe('\rreviewed 11/100 drafts, 10.0/s, about 9 s left\u001b[K');
    expect(out.chunks.at(-1)?.endsWith('\n')).toBe(true);
  });

  it('stays silent when stderr is not a terminal, unless forced', () => {
    const quiet = sink(false);
    progressReporter(quiet, 10, Date.now, {}).finish(10);
    expect(quiet.chunks).toEqual([]);
    const forced = sink(false);
    progressReporter(forced, 10, Date.now, { G9012_PROGRESS: '1' }).finish(10);
    expect(forced.chunks).toHaveLength(1);
  });
});
