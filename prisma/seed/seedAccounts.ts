// Demo accounts: user, tier read model, subscription and paper portfolio per user, and enrolments.
import { hashPassword } from '../../platform/auth/password';
import type { PrismaClient } from '../../platform/prisma';
import type { Tier } from '../../platform/prisma/generated/enums';
import {
  courseBySlug,
  DEMO_PASSWORD,
  DEMO_PERIOD_DAYS,
  DEMO_PORTFOLIO_CASH_MINOR,
  demoProfiles,
  demoUsers,
  enrollments,
  type DemoUserKey,
} from './data';

const DAY_MS = 86_400_000;

function demoProfileRow(key: DemoUserKey) {
  const { dateOfBirth, ...rest } = demoProfiles[key];
  return { ...rest, dateOfBirth: new Date(`${dateOfBirth}T00:00:00Z`) };
}

export async function seedDemoAccounts(
  prisma: PrismaClient,
  planIds: Map<Tier, string>,
  courseIds: Map<string, string>,
  now: Date,
): Promise<{ users: number; enrollments: number }> {
  const emails = demoUsers.map((u) => u.email.toLowerCase());
  const existing = await prisma.user.findMany({
    where: { emailNormalized: { in: emails } },
    select: { id: true, emailNormalized: true },
  });
  const existingIds = new Map(existing.map((u) => [u.emailNormalized, u.id]));
  // scrypt is deliberately slow: hash once, and only when an account is actually missing.
  const passwordHash = existing.length < demoUsers.length ? await hashPassword(DEMO_PASSWORD) : '';
  const userIds = new Map<DemoUserKey, string>();

  for (const user of demoUsers) {
    const emailNormalized = user.email.toLowerCase();
    const userId = existingIds.get(emailNormalized) ?? user.id;
    const planId = planIds.get(user.tier);
    if (!planId) throw new Error(`no plan for tier ${user.tier}`);
    const profile = {
      email: user.email,
      name: user.name,
      phone: user.phone,
      roles: user.roles,
      kycStatus: user.kycStatus,
      isDemo: true,
    };
    const paid = user.tier !== 'FREE';
    await prisma.$transaction([
      prisma.user.upsert({
        where: { emailNormalized },
        create: { id: userId, emailNormalized, passwordHash, ...profile },
        update: profile,
      }),
      prisma.profile.upsert({
        where: { userId },
        create: { userId, ...demoProfileRow(user.key) },
        update: demoProfileRow(user.key),
      }),
      prisma.userTier.upsert({
        where: { userId },
        create: { userId, tier: user.tier },
        update: { tier: user.tier },
      }),
      prisma.subscription.upsert({
        where: { userId },
        create: {
          id: user.subscriptionId,
          userId,
          planId,
          status: 'ACTIVE',
          currentPeriodStart: now,
          currentPeriodEnd: paid ? new Date(now.getTime() + DEMO_PERIOD_DAYS * DAY_MS) : null,
        },
        update: { planId, status: 'ACTIVE', ...(paid ? {} : { currentPeriodEnd: null }) },
      }),
      prisma.portfolio.upsert({
        where: { userId },
        create: { id: user.portfolioId, userId, currency: 'INR', cashMinor: DEMO_PORTFOLIO_CASH_MINOR },
        update: {},
      }),
    ]);
    userIds.set(user.key, userId);
  }

  const upserts = enrollments.flatMap(({ id, user, courseSlug }) => {
    const userId = userIds.get(user);
    const courseId = courseIds.get(courseSlug);
    if (!userId || !courseId) return [];
    return [
      prisma.enrollment.upsert({
        where: { userId_courseId: { userId, courseId } },
        // Demo enrolments in paid courses have no billing payment behind them: they are grants.
        create: {
          id,
          userId,
          courseId,
          status: 'ACTIVE',
          source: courseBySlug(courseSlug)?.priceMinor ? 'GRANT' : 'FREE',
        },
        update: {},
      }),
    ];
  });
  await prisma.$transaction(upserts);
  return { users: userIds.size, enrollments: upserts.length };
}
