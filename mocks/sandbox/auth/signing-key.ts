import type { CryptoKey, JWK } from 'jose';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';

/** The RS256 key pair that signs id_tokens, and its public JWK for `jwks_uri`. */
export interface SigningKey {
  kid: string;
  privateKey: CryptoKey;
  publicJwk: JWK;
}

/** Makes a fresh RS256 key pair (one per sandbox start). */
export async function createSigningKey(): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair('RS256');
  const kid = `sandbox-${Date.now().toString(36)}`;
  const publicJwk = { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' };
  return { kid, privateKey, publicJwk };
}

/** Signs an OpenID Connect id_token. */
export async function signIdToken(
  key: SigningKey,
  claims: {
    issuer: string;
    subject: string;
    audience: string;
    fhirUser: string;
    nonce?: string;
    nowMs: number;
    ttlSeconds: number;
  },
): Promise<string> {
  const iat = Math.floor(claims.nowMs / 1000);
  return new SignJWT({ fhirUser: claims.fhirUser, ...(claims.nonce ? { nonce: claims.nonce } : {}) })
    .setProtectedHeader({ alg: 'RS256', kid: key.kid, typ: 'JWT' })
    .setIssuer(claims.issuer)
    .setSubject(claims.subject)
    .setAudience(claims.audience)
    .setIssuedAt(iat)
    .setExpirationTime(iat + claims.ttlSeconds)
    .sign(key.privateKey);
}
