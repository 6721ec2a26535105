import { randomBytes } from 'node:crypto';
import type { LaunchSettings } from '../launch-settings.ts';
import type { SandboxUser } from '../seed/sandbox-staff.ts';
import type { ResourceScope } from './scopes.ts';

/** Who and what a launch is about. */
export interface LaunchContext {
  /** Patient id. */
  patient?: string;
  /** Encounter id. */
  encounter?: string;
  user: SandboxUser;
  settings: LaunchSettings;
  /** SMART launch context `intent` (what the EHR asks the app to do), e.g. `review` for the payer review. */
  intent?: string;
}

/** An authorize request waiting for the user on the picker page. */
export interface PendingAuthorization {
  clientId: string;
  redirectUri: string;
  scope: string;
  state: string;
  codeChallenge: string;
  nonce?: string;
  expiresAt: number;
}

/** An issued authorization code. */
export interface AuthorizationCode {
  clientId: string;
  redirectUri: string;
  codeChallenge: string;
  granted: readonly string[];
  context: LaunchContext;
  nonce?: string;
  expiresAt: number;
  used: boolean;
  /** Access tokens issued from this code, revoked if the code is replayed. */
  accessTokens: string[];
}

/** What an access token allows. */
export interface Session {
  clientId: string;
  granted: readonly string[];
  resourceScopes: readonly ResourceScope[];
  context: LaunchContext;
  expiresAt: number;
}

/** What a refresh token can renew. */
export interface RefreshGrant {
  clientId: string;
  granted: readonly string[];
  context: LaunchContext;
}

/** An unguessable opaque value (256 bits) for launch ids, codes and tokens. */
export function opaqueToken(): string {
  return randomBytes(32).toString('base64url');
}

/** The authorization server's in-memory state. */
export class AuthStore {
  readonly launches = new Map<string, { context: LaunchContext; expiresAt: number }>();
  readonly pending = new Map<string, PendingAuthorization>();
  readonly codes = new Map<string, AuthorizationCode>();
  readonly tokens = new Map<string, Session>();
  readonly refreshTokens = new Map<string, RefreshGrant>();
}
