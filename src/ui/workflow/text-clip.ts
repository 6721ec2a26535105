/**
 * Shortens text from the record before it is shown: a hostile or broken resource can carry a 100 kB string,
 * which would bury the screen. The full text stays in the record and in the draft JSON.
 */
import { clipText } from '../strings.ts';

/** The longest piece of record text shown in one place. */
export const MAX_SHOWN_CHARS = 240;

/** `text` when short enough, else its start with a note of how long it really is. */
export function clip(text: string, max = MAX_SHOWN_CHARS): string {
  return text.length <= max ? text : `${text.slice(0, max)}${clipText.shortened(text.length)}`;
}

/** `clip` for an optional value. */
export function clipOptional(text: string | undefined, max = MAX_SHOWN_CHARS): string | undefined {
  return text === undefined ? undefined : clip(text, max);
}
