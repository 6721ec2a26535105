import { describe, expect, it } from 'vitest';
import { createOutputRing, placeOutput, takeOutput } from './output-ring.ts';

describe('output ring', () => {
  it('gives back the text left in a slot, multi-byte characters included, and frees the slot', () => {
    const ring = createOutputRing(2, 64);
    const text = '{"patient":"Patient/é😀"}\n';
    const place = placeOutput(ring, text);
    expect(place).toEqual({ slot: 0, length: Buffer.byteLength(text) });
    expect(takeOutput(ring, place)).toBe(text);
    // Freed: the next output takes the same slot.
    expect(placeOutput(ring, 'next\n')).toEqual({ slot: 0, length: 5 });
  });

  it('uses the next free slot while one is taken, and a transferred buffer when all are', () => {
    const ring = createOutputRing(2, 64);
    const first = placeOutput(ring, 'one\n');
    const second = placeOutput(ring, 'two\n');
    const third = placeOutput(ring, 'three\n');
    expect(first).toEqual({ slot: 0, length: 4 });
    expect(second).toEqual({ slot: 1, length: 4 });
    expect('bytes' in third).toBe(true);
    expect([takeOutput(ring, second), takeOutput(ring, third), takeOutput(ring, first)]).toEqual([
      'two\n',
      'three\n',
      'one\n',
    ]);
  });

  it('sends an output larger than a slot as a transferred buffer and leaves the slot free', () => {
    const ring = createOutputRing(1, 8);
    const long = 'x'.repeat(20);
    const place = placeOutput(ring, long);
    expect('bytes' in place).toBe(true);
    expect(takeOutput(ring, place)).toBe(long);
    expect(placeOutput(ring, 'short')).toEqual({ slot: 0, length: 5 });
  });
});
