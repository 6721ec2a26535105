import { describe, expect, it } from 'vitest';
import { outcomeDiagnostics, scopeNamedIn } from './operation-outcome.ts';

describe('OperationOutcome reading', () => {
  it('takes diagnostics, else details.text, from each issue', () => {
    const body = {
      resourceType: 'OperationOutcome',
      issue: [{ diagnostics: ' first ' }, { details: { text: 'second' } }, { code: 'x' }, 'junk'],
    };
    expect(outcomeDiagnostics(body)).toEqual(['first', 'second']);
    expect(outcomeDiagnostics({ resourceType: 'Patient' })).toEqual([]);
    expect(outcomeDiagnostics('<html>')).toEqual([]);
  });

  it('trims a very long diagnostic', () => {
    const body = { resourceType: 'OperationOutcome', issue: [{ diagnostics: 'x'.repeat(5000) }] };
    expect(outcomeDiagnostics(body)[0]).toHaveLength(300);
  });

  it('finds a v1 or v2 scope named in the text', () => {
    expect(scopeNamedIn(['Missing scope user/Claim.c for create'])).toBe('user/Claim.c');
    expect(scopeNamedIn(['Requires patient/Condition.read.'])).toBe('patient/Condition.read');
    expect(scopeNamedIn(['Needs patient/*.rs'])).toBe('patient/*.rs');
    expect(scopeNamedIn(['Forbidden'])).toBeUndefined();
  });
});
