import { describe, expect, it } from 'vitest';
import { scopesGrant } from './granted-scopes.ts';

describe('scopesGrant', () => {
  it('reads v2 permission letters', () => {
    expect(scopesGrant(['user/Claim.crs'], 'Claim', 'c')).toBe(true);
    expect(scopesGrant(['user/Claim.rs'], 'Claim', 'c')).toBe(false);
    expect(scopesGrant(['user/*.cruds'], 'ChargeItem', 'c')).toBe(true);
    expect(scopesGrant(['patient/ChargeItem.c?category=x'], 'ChargeItem', 'c')).toBe(true);
  });

  it('reads v1 read, write and *', () => {
    expect(scopesGrant(['user/Claim.write'], 'Claim', 'c')).toBe(true);
    expect(scopesGrant(['user/Claim.read'], 'Claim', 'c')).toBe(false);
    expect(scopesGrant(['patient/*.*'], 'Claim', 'c')).toBe(true);
    expect(scopesGrant(['patient/*.read'], 'Condition', 's')).toBe(true);
  });

  it('ignores other types, malformed scopes and non-resource scopes', () => {
    expect(scopesGrant(['user/ChargeItem.c'], 'Claim', 'c')).toBe(false);
    expect(scopesGrant(['launch', 'openid', 'fhirUser', 'user/Claim.rc'], 'Claim', 'c')).toBe(false);
    expect(scopesGrant(['Claim.c', 'user/Claim'], 'Claim', 'c')).toBe(false);
  });
});
