import type { IdentityServiceDeps } from '../services/deps';
import type { PasswordService } from '../services/password';
import type { PasswordResetService } from '../services/passwordReset';
import type { SessionService } from '../services/sessions';
import type { TwoFactorService } from '../services/twoFactor';
import type { UserService } from '../services/users';

/** What the resolvers call; built once per process in server.ts. */
export interface IdentityServices {
  deps: IdentityServiceDeps;
  users: UserService;
  sessions: SessionService;
  twoFactor: TwoFactorService;
  passwords: PasswordService;
  passwordResets: PasswordResetService;
  /** How long a new signing key is published before it signs. */
  keyPublishLeadMs: number;
}
