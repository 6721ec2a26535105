import { describe, expect, it } from 'vitest';
import { ConfigError } from './config-error.ts';
import { findIssuer } from './issuer.ts';
import { configFrom, mergeConfig } from './load-config.ts';
import { requestedScopes } from './scopes.ts';

function configProblem(override: unknown): ConfigError {
  try {
    configFrom(override);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return error as ConfigError;
  }
  throw new Error('expected the configuration to be refused');
}

describe('app configuration', () => {
  it('accepts the defaults: local sandbox and SMART launcher, client g9012-app', () => {
    const config = configFrom();
    expect(findIssuer(config, 'http://127.0.0.1:8080/fhir')?.clientId).toBe('g9012-app');
    expect(findIssuer(config, 'http://localhost:43123/fhir')?.clientId).toBe('g9012-app');
    expect(findIssuer(config, 'https://launch.smarthealthit.org/v/r4/sim/eyJrIjoiMSJ9/fhir')).toBeDefined();
    expect(findIssuer(config, 'https://launch.smarthealthit.org.evil.example/v/r4/fhir')).toBeUndefined();
    expect(findIssuer(config, 'http://127.0.0.1:8080/fhir/../other')).toBeUndefined();
    expect(config.sandboxes.map((sandbox) => sandbox.kind)).toEqual(['smart', 'smart', 'open']);
  });

  it('names the bad field', () => {
    expect(configProblem({ paging: { pageSize: 0 } }).field).toBe('paging.pageSize');
    expect(configProblem({ scopes: { syntax: 'v3' } }).field).toBe('scopes.syntax');
    expect(configProblem({ issuers: [{ name: 'x', issMatch: '/(/', clientId: 'a' }] }).field).toBe(
      'issuers[0].issMatch',
    );
    expect(
      configProblem({ issuers: [{ name: 'x', issMatch: '/https:.*/', clientId: 'a' }] }).problem,
    ).toMatch(/anchored/);
    expect(configProblem({ writeTarget: { name: 'w', url: 'ftp://x' } }).field).toBe('writeTarget.url');
    expect(configProblem({ retry: { maxRetrys: 2 } }).field).toBe('retry.maxRetrys');
    const orphan = configProblem({
      sandboxes: [{ name: 's', url: 'https://elsewhere.example/fhir', kind: 'smart' }],
    });
    expect(orphan.field).toBe('sandboxes[0].url');
    expect(orphan.message).toContain('sandboxes[0].url');
  });

  it('merges an override over the defaults: objects merge, arrays replace', () => {
    expect(mergeConfig({ a: { b: 1, c: 2 }, list: [1, 2] }, { a: { c: 3 }, list: [9] })).toEqual({
      a: { b: 1, c: 3 },
      list: [9],
    });
    const config = configFrom({ paging: { pageLimit: 3 } });
    expect(config.paging).toEqual({ pageSize: 200, pageLimit: 3 });
  });

  it('builds v2 scopes by default and v1 scopes by a setting, with user/ or patient/ as configured', () => {
    const v2 = requestedScopes(configFrom(), 'standalone').split(' ');
    expect(v2.slice(0, 4)).toEqual(['launch/patient', 'openid', 'fhirUser', 'online_access']);
    expect(v2).toContain('patient/QuestionnaireResponse.rs');
    expect(v2).toContain('patient/PractitionerRole.rs');
    expect(v2).toContain('patient/Medication.rs');
    expect(v2).toEqual(expect.arrayContaining(['patient/Provenance.rs', 'user/Provenance.c']));
    const v1 = requestedScopes(
      configFrom({ scopes: { syntax: 'v1', read: 'user', write: 'patient' } }),
      'ehr',
    );
    expect(v1.split(' ')).toEqual(
      expect.arrayContaining([
        'launch',
        'user/Observation.read',
        'patient/ChargeItem.write',
        'patient/Provenance.write',
      ]),
    );
  });
});
