import { createHash, randomBytes } from 'node:crypto';
import type { AccessTokenSigner } from '../../../platform/auth/accessToken';
import type { Role, Tier } from '../../../platform/auth/viewer';
import type { TransactionClient, PrismaClient } from '../../../platform/prisma';
import type { User } from '../../../platform/prisma/generated/client';

export const REFRESH_TOKEN_TTL_MS = 7 * 24 * 3600_000;

export function hashRefreshToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

export interface IssuedTokens {
  accessToken: string;
  refreshToken: string;
}

/** Opens a session: the refresh token is returned once and only its hash is stored. */
export async function openSession(
  db: PrismaClient | TransactionClient,
  signer: AccessTokenSigner,
  user: User,
  tier: Tier,
): Promise<IssuedTokens> {
  const refreshToken = randomBytes(32).toString('base64url');
  const session = await db.session.create({
    data: {
      userId: user.id,
      refreshTokenHash: hashRefreshToken(refreshToken),
      expiresAt: new Date(Date.now() + REFRESH_TOKEN_TTL_MS),
    },
  });
  const accessToken = await signer.sign({
    sub: user.id,
    sid: session.id,
    roles: user.roles as Role[],
    tier,
    kyc: user.kycStatus,
  });
  return { accessToken, refreshToken };
}
