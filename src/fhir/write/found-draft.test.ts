import { describe, expect, it } from 'vitest';
import type { FhirHttp } from './fhir-http.ts';
import { compareFoundDraft, sameDraftContent } from './found-draft.ts';

const sent = {
  resourceType: 'ChargeItem',
  status: 'planned',
  note: [{ time: '2026-11-20T09:15:00Z', text: 'Called the cardiology office on 12 Nov.' }],
};

/** The server's copy: its id and meta, keys in another order. */
function onServer(note: string) {
  return {
    note: [{ text: note, time: '2026-11-20T09:15:00Z' }],
    id: 'ci-1',
    meta: { versionId: '1', lastUpdated: '2026-11-20T09:16:00Z' },
    status: 'planned',
    resourceType: 'ChargeItem',
  };
}

function httpAnswering(status: number, body: unknown, calls: string[] = []): FhirHttp {
  return async (method, url) => {
    calls.push(`${method} ${url}`);
    return { status, headers: {}, body };
  };
}

describe('sameDraftContent', () => {
  it('ignores id, meta, narrative, the entry date and key order', () => {
    expect(sameDraftContent(sent, onServer('Called the cardiology office on 12 Nov.'))).toBe(true);
    // A retry the next day of a write whose answer was lost is still this tab's draft.
    expect(
      sameDraftContent(
        { ...sent, enteredDate: '2026-11-21' },
        { ...onServer('Called the cardiology office on 12 Nov.'), enteredDate: '2026-11-20' },
      ),
    ).toBe(true);
    expect(
      sameDraftContent(sent, { ...onServer('Called the cardiology office on 12 Nov.'), text: { div: 'x' } }),
    ).toBe(true);
  });

  it('tells another note, a missing note or no resource apart from the same draft', () => {
    expect(sameDraftContent(sent, onServer('Faxed the discharge summary on 13 Nov.'))).toBe(false);
    const { note: _note, ...withoutNote } = onServer('');
    expect(sameDraftContent(sent, withoutNote)).toBe(false);
    expect(sameDraftContent(sent, undefined)).toBe(false);
  });
});

describe('compareFoundDraft', () => {
  it('uses the copy the server answered with, without reading again', async () => {
    const calls: string[] = [];
    const http = httpAnswering(500, undefined, calls);
    expect(await compareFoundDraft(http, sent, 'ci-1', onServer(sent.note[0]?.text ?? ''))).toBe('same');
    expect(await compareFoundDraft(http, sent, 'ci-1', onServer('another tab'))).toBe('different');
    expect(calls).toEqual([]);
  });

  it('reads the found draft by id when the answer carried no copy of it', async () => {
    const calls: string[] = [];
    const http = httpAnswering(200, onServer('another tab'), calls);
    expect(await compareFoundDraft(http, sent, 'ci-1', undefined)).toBe('different');
    expect(calls).toEqual(['GET ChargeItem/ci-1']);
  });

  it('is unchecked when the read is refused, fails, or returns another resource', async () => {
    expect(await compareFoundDraft(httpAnswering(403, {}), sent, 'ci-1', undefined)).toBe('unchecked');
    const down: FhirHttp = () => Promise.reject(new Error('offline'));
    expect(await compareFoundDraft(down, sent, 'ci-1', undefined)).toBe('unchecked');
    const other = { ...onServer(''), id: 'ci-2' };
    expect(await compareFoundDraft(httpAnswering(200, other), sent, 'ci-1', other)).toBe('unchecked');
  });
});
