import { describe, expect, it } from 'vitest';
import { clip, clipOptional, MAX_SHOWN_CHARS } from './text-clip.ts';

describe('clip', () => {
  it('leaves short text alone', () => {
    expect(clip('Heart failure')).toBe('Heart failure');
    expect(clipOptional(undefined)).toBeUndefined();
  });

  it('cuts long text at the limit and gives its real length', () => {
    const shown = clip('x'.repeat(5000));
    expect(shown.startsWith('x'.repeat(MAX_SHOWN_CHARS))).toBe(true);
    expect(shown).not.toContain('x'.repeat(MAX_SHOWN_CHARS + 1));
    expect(shown.endsWith('… (shortened: 5,000 characters in the record)')).toBe(true);
  });
});
