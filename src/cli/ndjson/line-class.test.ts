import { describe, expect, it } from 'vitest';
import { LineClassifier } from './line-class.ts';

function classify(...lines: string[]) {
  const buf = Buffer.from(lines.join('\n'));
  const classifier = new LineClassifier(buf);
  let start = 0;
  return lines.map((line) => {
    const end = start + Buffer.byteLength(line);
    const kind = classifier.classify(start, end);
    start = end + 1;
    return kind;
  });
}

describe('LineClassifier', () => {
  it('places a clinical line by its only patient reference, without parsing', () => {
    expect(classify('{"resourceType":"Condition","id":"c1","subject":{"reference":"Patient/p-1"}}')).toEqual([
      { kind: 'owned', type: 'Condition', patientId: 'p-1' },
    ]);
  });

  it('names Patient and shared resources by type only (their id needs a parse)', () => {
    expect(
      classify(
        '{"resourceType":"Patient","id":"p1"}',
        '{"resourceType": "Practitioner", "id":"dr"}',
        '{"resourceType":"Organization","id":"o","partOf":{"reference":"Patient/x"}}',
      ),
    ).toEqual([
      { kind: 'typed', type: 'Patient' },
      { kind: 'typed', type: 'Practitioner' },
      { kind: 'typed', type: 'Organization' },
    ]);
  });

  it('asks for a parse when the bytes cannot be sure', () => {
    expect(
      classify(
        // two different patients named
        '{"resourceType":"Communication","subject":{"reference":"Patient/a"},"recipient":[{"reference":"Patient/b"}]}',
        // an escaped slash could spell the owner differently
        '{"resourceType":"Condition","subject":{"reference":"Patient\\/a"},"note":[{"text":"Patient/b"}]}',
        // a unicode escape likewise
        '{"resourceType":"Condition","subject":{"reference":"Patient/\\u0061"}}',
        // no patient at all
        '{"resourceType":"Condition","id":"c"}',
        // resourceType is not the first key
        '{"id":"c","resourceType":"Condition","subject":{"reference":"Patient/a"}}',
        'not json',
        '["Patient/a"]',
      ).map((k) => k.kind),
    ).toEqual(['parse', 'parse', 'parse', 'parse', 'parse', 'parse', 'parse']);
  });

  it('the same id named twice is still one owner; other escapes do not matter', () => {
    expect(
      classify(
        '{"resourceType":"Encounter","subject":{"reference":"Patient/a"},"note":"say \\"hi\\"\\n","x":{"reference":"Patient/a"}}',
      ),
    ).toEqual([{ kind: 'owned', type: 'Encounter', patientId: 'a' }]);
  });

  it('finds references across many lines without mixing them up', () => {
    const lines = Array.from({ length: 50 }, (_, i) =>
      i % 3 === 0
        ? `{"resourceType":"Goal","id":"g${i}"}`
        : `{"resourceType":"Goal","id":"g${i}","subject":{"reference":"Patient/p${i}"}}`,
    );
    const kinds = classify(...lines);
    kinds.forEach((kind, i) => {
      expect(kind).toEqual(
        i % 3 === 0 ? { kind: 'parse' } : { kind: 'owned', type: 'Goal', patientId: `p${i}` },
      );
    });
  });
});
