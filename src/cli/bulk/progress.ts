/**
 * Progress on stderr for bulk runs: drafts done, rate and estimated time left, redrawn on one line at most
 * four times a second. Only when stderr is a terminal (or `G9012_PROGRESS=1` forces it, for tests).
 */
import type { TextSink } from '../cli-io.ts';

/** Reports progress; `finish()` ends the line. */
export interface Progress {
  tick(done: number): void;
  finish(done: number): void;
}

const SILENT: Progress = { tick: () => undefined, finish: () => undefined };

/** Whether progress should be shown on this sink. */
export function wantsProgress(sink: TextSink, env: NodeJS.ProcessEnv = process.env): boolean {
  return env.G9012_PROGRESS === '1' || (sink as { isTTY?: boolean }).isTTY === true;
}

function duration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  return s >= 60 ? `${Math.floor(s / 60)} min ${s % 60} s` : `${s} s`;
}

/** The progress line: `reviewed 120/1000 drafts, 45.2/s, about 19 s left` (rate unknown: counts only). */
export function progressLine(done: number, total: number, perSecond: number | undefined): string {
  const counts = `reviewed ${done}/${total} drafts`;
  if (perSecond === undefined || !(perSecond > 0)) {
    return counts;
  }
  return `${counts}, ${perSecond.toFixed(1)}/s, about ${duration((total - done) / perSecond)} left`;
}

/** A progress reporter for `total` drafts, or a silent one when stderr is not a terminal. */
export function progressReporter(
  sink: TextSink,
  total: number,
  now: () => number = Date.now,
  env: NodeJS.ProcessEnv = process.env,
): Progress {
  if (!wantsProgress(sink, env)) {
    return SILENT;
  }
  // The rate is measured from the first finished draft, so worker start-up does not skew the estimate.
  let first: { at: number; done: number } | undefined;
  let last = Number.NEGATIVE_INFINITY;
  const line = (done: number, t: number): string => {
    const rate =
      first === undefined || t <= first.at ? undefined : ((done - first.done) * 1000) / (t - first.at);
    return progressLine(done, total, rate);
  };
  return {
    tick(done) {
      const t = now();
      first ??= { at: t, done };
      if (t - last >= 250) {
        last = t;
        sink.write(`\r${line(done, t)}\u001b[K`);
      }
    },
    finish(done) {
      sink.write(`\r${line(done, now())}\u001b[K\n`);
    },
  };
}
