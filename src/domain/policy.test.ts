import { describe, expect, it } from 'vitest';
import { BUILTIN_POLICIES, BUILTIN_POLICY_FILES } from './builtin-policies.ts';
import { NOT_PUBLISHED, parsePolicy } from './policy.ts';

/** Every `source` in a JSON value, with its path. */
function sources(value: unknown, path = ''): [string, unknown][] {
  if (Array.isArray(value)) {
    return value.flatMap((v, i) => sources(v, `${path}[${i}]`));
  }
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) =>
      k === 'source' ? [[`${path}.source`, v] as [string, unknown]] : sources(v, `${path}.${k}`),
    );
  }
  return [];
}

/** Paths of rule objects that must carry a source. */
function ruleObjects(policy: Record<string, unknown>): [string, Record<string, unknown>][] {
  const out: [string, Record<string, unknown>][] = [];
  for (const key of ['g9012', 'requiredCriteria', 'thresholds', 'units', 'telehealth'] as const) {
    out.push([key, policy[key] as Record<string, unknown>]);
  }
  for (const key of ['modifiers', 'notes'] as const) {
    (policy[key] as Record<string, unknown>[]).forEach((r, i) => {
      out.push([`${key}[${i}]`, r]);
    });
  }
  const thresholds = policy.thresholds as Record<string, unknown>;
  for (const [k, v] of Object.entries(thresholds)) {
    if (v && typeof v === 'object') {
      out.push([`thresholds.${k}`, v as Record<string, unknown>]);
    }
  }
  return out;
}

describe('shipped payer policies', () => {
  it('has the seven required payers', () => {
    expect(BUILTIN_POLICIES.map((p) => p.id).sort()).toEqual([
      'aetna',
      'bcbs',
      'cigna',
      'default',
      'medicaid',
      'medicare',
      'uhc',
    ]);
  });

  for (const [file, json] of Object.entries(BUILTIN_POLICY_FILES)) {
    it(`${file}: every rule has a source from SOURCES.md (section and year) or exactly the not-published marker`, () => {
      const policy = json as Record<string, unknown>;
      for (const [path, rule] of ruleObjects(policy)) {
        expect(typeof rule.source, `${file} ${path} has no source`).toBe('string');
      }
      for (const [path, source] of sources(policy)) {
        expect(typeof source, `${file} ${path}`).toBe('string');
        const text = String(source);
        const cited = /SOURCES\.md §\d+/.test(text) && /\b(19|20)\d\d\b/.test(text);
        expect(text === NOT_PUBLISHED || cited, `${file} ${path}: "${text}"`).toBe(true);
      }
    });
  }

  it('Medicare says plainly that Part B is not expected to pay G9012: PFS status X, pricing 00, coverage D', () => {
    const medicare = BUILTIN_POLICIES.find((p) => p.id === 'medicare');
    expect(medicare?.g9012.payable).toBe('no');
    expect(medicare?.g9012.text).toMatch(/not expected to be paid/);
    expect(medicare?.g9012.text).toMatch(/status X/);
    expect(medicare?.g9012.text).toMatch(/pricing indicator 00/);
    expect(medicare?.g9012.text).toMatch(/coverage code D/);
    expect(medicare?.g9012.source).toMatch(/SOURCES\.md §1/);
  });

  it('Medicare disallows modifier 22, citing Noridian JE', () => {
    const rule = BUILTIN_POLICIES.find((p) => p.id === 'medicare')?.modifiers.find((m) => m.code === '22');
    expect(rule?.allowed).toBe('no');
    expect(rule?.source).toMatch(/Noridian JE Part B 'Modifier 22'/);
    expect(rule?.source).toMatch(/SOURCES\.md §9/);
  });

  it('no payer file carries a rate or a made-up threshold value', () => {
    for (const [file, json] of Object.entries(BUILTIN_POLICY_FILES)) {
      expect(JSON.stringify(json), file).not.toMatch(/"(rate|amount|fee|price)"/i);
      const thresholds = (json as { thresholds: Record<string, unknown> }).thresholds;
      expect(Object.keys(thresholds), file).toEqual(['source']);
    }
  });
});

describe('parsePolicy (user-added policy files)', () => {
  const valid = BUILTIN_POLICY_FILES['aetna.json'] as Record<string, unknown>;

  it('accepts a new payer without code changes', () => {
    const result = parsePolicy({
      ...valid,
      id: 'acme',
      name: 'Acme Health Plan',
      match: { ...(valid.match as object), payorNames: ['Acme'] },
    });
    expect(result.ok).toBe(true);
  });

  it('rejects a rule without a source, naming the path', () => {
    const units = { ...(valid.units as Record<string, unknown>) };
    delete units.source;
    const result = parsePolicy({ ...valid, units });
    expect(result).toEqual({ ok: false, problem: expect.stringMatching(/^units\.source: /) });
  });

  it('rejects a blank source and unknown fields', () => {
    expect(parsePolicy({ ...valid, g9012: { payable: 'no', text: 'x', source: '  ' } }).ok).toBe(false);
    expect(parsePolicy({ ...valid, rate: 12 }).ok).toBe(false);
    expect(parsePolicy('not an object').ok).toBe(false);
  });

  it('rejects an unknown criterion id in requiredCriteria', () => {
    expect(
      parsePolicy({ ...valid, requiredCriteria: { criteria: ['vibes'], source: NOT_PUBLISHED } }).ok,
    ).toBe(false);
  });
});
