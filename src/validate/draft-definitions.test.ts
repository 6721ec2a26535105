import { describe, expect, it } from 'vitest';
import { aliceDraft } from '../domain/draft/evaluation-fixture.ts';
import { fetchR4Definitions, trimR4Definitions } from './draft-definitions.ts';
import { readNodeDefinitions } from './node-definitions.ts';
import { createR4Validator } from './r4.ts';

describe('trimmed definitions', () => {
  it('are a fraction of the full set and still validate a draft transaction', async () => {
    const full = await readNodeDefinitions();
    const trimmed = trimR4Definitions(full);
    const size = (value: unknown) => JSON.stringify(value).length;
    expect(size(trimmed.resources)).toBeLessThan(size(full.resources) / 10);
    expect(size(trimmed.valueSets)).toBeLessThan(size(full.valueSets) / 5);
    const validator = createR4Validator(trimmed);
    const built = aliceDraft('claim');
    expect(built.ok && validator.validate(built.transaction)).toEqual([]);
    // The required-binding check still works with the trimmed terminology.
    const claim = built.ok ? built.resource : undefined;
    expect(validator.validate({ ...claim, status: 'bogus' }).map((i) => i.path)).toEqual(['Claim.status']);
  });

  it('are fetched from URLs, and a failed fetch is an error the caller can show', async () => {
    const served = new Map<string, unknown>([
      ['/t.json', { resourceType: 'Bundle' }],
      ['/r.json', { resourceType: 'Bundle' }],
      ['/v.json', { resourceType: 'Bundle' }],
    ]);
    const fake: typeof fetch = async (input) => {
      const body = served.get(String(input));
      return body === undefined ? new Response('', { status: 404 }) : Response.json(body);
    };
    const defs = await fetchR4Definitions(
      { types: '/t.json', resources: '/r.json', valueSets: '/v.json' },
      fake,
    );
    expect(defs.types).toEqual({ resourceType: 'Bundle' });
    await expect(
      fetchR4Definitions({ types: '/t.json', resources: '/missing.json', valueSets: '/v.json' }, fake),
    ).rejects.toThrow('(404)');
  });
});
