/**
 * The lazy boundary of the payer review view: the app shell calls `loadReviewScreen()` (a dynamic
 * `import()`), so the review engine and the validator never enter the initial bundle.
 */
import type { ReviewServices } from './review-screen.ts';

export type { ReviewServices } from './review-screen.ts';

/** Defines `<review-screen>` and returns the browser default services (files only, shipped policies). */
export async function loadReviewScreen(): Promise<ReviewServices> {
  const module = await import('./review-screen.ts');
  return module.fileOnlyServices;
}
