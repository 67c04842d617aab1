import type { AccessTokenSigner } from '../../../platform/auth/accessToken';
import type { PasswordHashParams } from '../../../platform/auth/password';
import type { EmailSender } from '../../../platform/email/emailSender';
import type { KeyValueStore } from '../../../platform/keyValueStore';
import type { Logger } from '../../../platform/logger';
import type { IdentitySettings } from '../config';
import type { HashingQueue } from './hashingQueue';
import type { Lockout } from './lockout';
import type { RefreshLimit } from './refreshLimit';

/** Long-lived collaborators of identity's services, built once per process (server.ts). */
export interface IdentityServiceDeps {
  signer: AccessTokenSigner;
  /** Redis (or the in-process stand-in): denylist, attempt counters, single-use markers, 2FA challenges. */
  store: KeyValueStore;
  settings: IdentitySettings;
  lockout: Lockout;
  /** Refreshes per token and per IP, counted after reuse detection. */
  refreshLimit: RefreshLimit;
  /** Seals TOTP secrets at rest. */
  dataKey: Buffer;
  /** Seals KYC PANs at rest (its own key, derived from the same configured secret). */
  panKey: Buffer;
  passwordParams: PasswordHashParams;
  /** Every scrypt call goes through it (hashingQueue.ts). */
  hashing: HashingQueue;
  /** Password reset emails and notices. */
  email: EmailSender;
  logger: Logger;
}
