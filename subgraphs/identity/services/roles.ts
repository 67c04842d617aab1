import type { Role } from '../../../platform/auth/viewer';
import { ConflictError, NotFoundError } from '../../../platform/errors';
import { isUuid } from '../../../platform/loaders';
import type { User } from '../../../platform/prisma/generated/client';
import type { IdentityContext } from '../context';
import { recordSecurityEvent } from './audit';
import { requireRole } from '../../../platform/auth/access';

/**
 * Admins grant and revoke roles; every change is audited with the admin as actor. The user's access
 * token carries the new roles from its next refresh (at most 15 minutes).
 */
export async function changeRole(
  ctx: IdentityContext,
  userId: string,
  role: Role,
  change: 'grant' | 'revoke',
): Promise<User> {
  const admin = requireRole(ctx.viewer, 'ADMIN');
  if (!isUuid(userId)) throw new NotFoundError('User', userId);
  if (change === 'revoke' && role === 'ADMIN' && userId === admin.userId) {
    // Otherwise the last admin could lock everyone out of administration by accident.
    throw new ConflictError('Admins cannot revoke their own ADMIN role');
  }
  return ctx.prisma.$transaction(async (tx) => {
    // Row lock: two admins changing one user's roles at once must not lose an update.
    await tx.$queryRawUnsafe(`SELECT 1 FROM identity."user" WHERE id = $1::uuid FOR UPDATE`, userId);
    const user = await tx.user.findUnique({ where: { id: userId } });
    if (!user) throw new NotFoundError('User', userId);
    const current = user.roles as Role[];
    const has = current.includes(role);
    if ((change === 'grant') === has) return user;
    const roles = change === 'grant' ? [...current, role] : current.filter((existing) => existing !== role);
    const updated = await tx.user.update({ where: { id: userId }, data: { roles } });
    await recordSecurityEvent(tx, {
      type: change === 'grant' ? 'ROLE_GRANTED' : 'ROLE_REVOKED',
      userId,
      actorId: admin.userId,
      client: ctx.client,
      details: { role },
      correlationId: ctx.correlationId,
    });
    return updated;
  });
}
