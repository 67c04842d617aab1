import { z } from 'zod';
import type { Prisma, Profile } from '../../../platform/prisma/generated/client';
import type { IdentityContext } from '../context';
import type { ProfileInput } from '../generated/resolvers-types';
import { requireViewer } from '../../../platform/auth/access';
import { parseInput } from './validation';

export interface Preferences {
  language: string;
  timezone: string;
  marketingEmails: boolean;
  signalAlerts: boolean;
}

export const defaultPreferences: Preferences = {
  language: 'en-IN',
  timezone: 'Asia/Kolkata',
  marketingEmails: false,
  signalAlerts: true,
};

function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

const YEAR_MS = 365.25 * 86_400_000;

const profileInputSchema = z.object({
  firstName: z.string().trim().min(1).max(80).nullish(),
  lastName: z.string().trim().min(1).max(80).nullish(),
  dateOfBirth: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be YYYY-MM-DD')
    .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)), 'is not a date')
    .refine((value) => {
      const age = (Date.now() - Date.parse(`${value}T00:00:00Z`)) / YEAR_MS;
      return age >= 18 && age <= 120;
    }, 'must make the user between 18 and 120 years old')
    .nullish(),
  investmentExperience: z.enum(['NONE', 'BEGINNER', 'INTERMEDIATE', 'EXPERIENCED']).nullish(),
  riskTolerance: z.enum(['LOW', 'MODERATE', 'HIGH']).nullish(),
  investmentHorizon: z.enum(['SHORT', 'MEDIUM', 'LONG']).nullish(),
  preferences: z
    .object({
      language: z
        .string()
        .regex(/^[a-z]{2}(-[A-Z]{2})?$/, 'must be a language tag such as en-IN')
        .nullish(),
      timezone: z.string().max(64).refine(isTimeZone, 'must be an IANA time zone').nullish(),
      marketingEmails: z.boolean().nullish(),
      signalAlerts: z.boolean().nullish(),
    })
    .nullish(),
});

export function preferencesOf(profile: Profile): Preferences {
  const stored = (profile.preferences ?? {}) as Partial<Preferences>;
  return { ...defaultPreferences, ...stored };
}

/** Omitted fields stay as they are; null clears a field. */
export async function updateProfile(ctx: IdentityContext, raw: ProfileInput): Promise<Profile> {
  const viewer = requireViewer(ctx.viewer);
  const { preferences, dateOfBirth, ...fields } = parseInput(profileInputSchema, raw);
  const existing = await ctx.prisma.profile.findUnique({ where: { userId: viewer.userId } });
  const mergedPreferences = {
    ...(existing ? preferencesOf(existing) : defaultPreferences),
    ...Object.fromEntries(
      Object.entries(preferences ?? {}).filter(([, value]) => value !== undefined && value !== null),
    ),
  } satisfies Prisma.InputJsonObject;
  const data = {
    ...Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)),
    ...(dateOfBirth !== undefined
      ? { dateOfBirth: dateOfBirth ? new Date(`${dateOfBirth}T00:00:00Z`) : null }
      : {}),
    preferences: mergedPreferences,
  };
  return ctx.prisma.profile.upsert({
    where: { userId: viewer.userId },
    create: { userId: viewer.userId, ...data },
    update: data,
  });
}
