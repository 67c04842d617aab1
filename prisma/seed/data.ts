// Seed data: plans (reference data), demo accounts and their links (development only). Courses live in ./courses, instruments,
// candles and signals in ./market; everything is re-exported here so callers import one module.
import type { KycStatus, Role, Tier } from '../../platform/prisma/generated/enums';

export * from './candles';
export * from './courses';
export * from './market';

/** Every demo account signs in with this password (never created when NODE_ENV=production). */
export const DEMO_PASSWORD = 'demo-password-1';

/** Paper-trading cash each demo portfolio starts with: ₹10,00,000.00 in paise. */
export const DEMO_PORTFOLIO_CASH_MINOR = 100_000_000n;

/** Length of the paid demo subscriptions' current period. */
export const DEMO_PERIOD_DAYS = 30;

/** The monthly plan of each tier: the plan a tier means when no interval is named. */
export const planIds = {
  FREE: 'b1000000-0000-4000-8000-000000000001',
  PREMIUM: 'b1000000-0000-4000-8000-000000000002',
  ENTERPRISE: 'b1000000-0000-4000-8000-000000000003',
} as const satisfies Record<Tier, string>;

export type PlanInterval = 'MONTH' | 'QUARTER' | 'YEAR';

export interface PlanSeed {
  id: string;
  tier: Tier;
  name: string;
  /** Paise per interval, GST included. */
  priceMinor: bigint;
  interval: PlanInterval;
  apiCallsPerHour: number;
  /** null: unlimited. */
  signalsPerDay: number | null;
  realtimeSignals: boolean;
  signalHistory: boolean;
  prioritySupport: boolean;
}

const free = {
  apiCallsPerHour: 100,
  signalsPerDay: 5,
  realtimeSignals: false,
  signalHistory: false,
  prioritySupport: false,
};
const premium = {
  apiCallsPerHour: 1_000,
  signalsPerDay: null,
  realtimeSignals: true,
  signalHistory: false,
  prioritySupport: false,
};
const enterprise = {
  apiCallsPerHour: 10_000,
  signalsPerDay: null,
  realtimeSignals: true,
  signalHistory: true,
  prioritySupport: true,
};

// PREMIUM costs ₹2,999 a month paid monthly, down to ₹999 a month paid yearly; ENTERPRISE ₹9,999 a month.
// prettier-ignore
export const plans: readonly PlanSeed[] = [
  { id: planIds.FREE, tier: 'FREE', name: 'Free', priceMinor: 0n, interval: 'MONTH', ...free },
  { id: planIds.PREMIUM, tier: 'PREMIUM', name: 'Premium', priceMinor: 299_900n, interval: 'MONTH', ...premium },
  { id: 'b1000000-0000-4000-8000-000000000004', tier: 'PREMIUM', name: 'Premium (quarterly)', priceMinor: 599_700n, interval: 'QUARTER', ...premium },
  { id: 'b1000000-0000-4000-8000-000000000005', tier: 'PREMIUM', name: 'Premium (yearly)', priceMinor: 1_198_800n, interval: 'YEAR', ...premium },
  { id: planIds.ENTERPRISE, tier: 'ENTERPRISE', name: 'Enterprise', priceMinor: 999_900n, interval: 'MONTH', ...enterprise },
  { id: 'b1000000-0000-4000-8000-000000000006', tier: 'ENTERPRISE', name: 'Enterprise (quarterly)', priceMinor: 2_999_700n, interval: 'QUARTER', ...enterprise },
  { id: 'b1000000-0000-4000-8000-000000000007', tier: 'ENTERPRISE', name: 'Enterprise (yearly)', priceMinor: 11_998_800n, interval: 'YEAR', ...enterprise },
];

export type DemoUserKey = 'free' | 'premium' | 'enterprise' | 'analyst' | 'instructor' | 'admin' | 'support';

export const demoUserIds = {
  free: 'a1000000-0000-4000-8000-000000000001',
  premium: 'a1000000-0000-4000-8000-000000000002',
  enterprise: 'a1000000-0000-4000-8000-000000000003',
  analyst: 'a1000000-0000-4000-8000-000000000004',
  instructor: 'a1000000-0000-4000-8000-000000000005',
  admin: 'a1000000-0000-4000-8000-000000000006',
  support: 'a1000000-0000-4000-8000-000000000007',
} as const satisfies Record<DemoUserKey, string>;

export interface DemoUserSeed {
  key: DemoUserKey;
  id: string;
  email: string;
  name: string;
  phone: string;
  roles: Role[];
  tier: Tier;
  kycStatus: KycStatus;
  /** Fixed ids of the user's billing subscription and paper portfolio. */
  subscriptionId: string;
  portfolioId: string;
}

/** The demo analyst is named as a demo wherever the name is shown (author, signal source). */
export const DEMO_ANALYST_NAME = 'Kavya Reddy (demo analyst)';

type UserRow = [DemoUserKey, string, string, Role[], Tier, KycStatus];

// prettier-ignore
const userRows: UserRow[] = [
  ['free', 'Rohan Mehta', '+919820000001', ['LEARNER'], 'FREE', 'NONE'],
  ['premium', 'Priya Sharma', '+919820000002', ['LEARNER', 'TRADER'], 'PREMIUM', 'VERIFIED'],
  ['enterprise', 'Arjun Iyer', '+919820000003', ['LEARNER', 'TRADER'], 'ENTERPRISE', 'VERIFIED'],
  ['analyst', DEMO_ANALYST_NAME, '+919820000004', ['ANALYST'], 'ENTERPRISE', 'VERIFIED'],
  ['instructor', 'Vikram Nair', '+919820000005', ['INSTRUCTOR'], 'FREE', 'NONE'],
  ['admin', 'Ananya Gupta', '+919820000006', ['ADMIN'], 'ENTERPRISE', 'VERIFIED'],
  // Reviews KYC and reads profiles and audit trails; cannot change roles.
  ['support', 'Meera Pillai', '+919820000007', ['SUPPORT'], 'FREE', 'NONE'],
];

export const demoUsers: readonly DemoUserSeed[] = userRows.map(
  ([key, name, phone, roles, tier, kycStatus], i) => {
    const n = String(i + 1).padStart(12, '0');
    return {
      key,
      id: demoUserIds[key],
      email: `${key}@demo.test`,
      name,
      phone,
      roles,
      tier,
      kycStatus,
      subscriptionId: `f1000000-0000-4000-8000-${n}`,
      portfolioId: `f2000000-0000-4000-8000-${n}`,
    };
  },
);

/** Course authors: the courses reference this id even when demo accounts are not created. */
export const instructorId = demoUserIds.instructor;

export interface EnrollmentSeed {
  id: string;
  user: DemoUserKey;
  courseSlug: string;
}

export const enrollments: readonly EnrollmentSeed[] = [
  {
    id: 'f3000000-0000-4000-8000-000000000001',
    user: 'premium',
    courseSlug: 'candlestick-patterns-for-beginners',
  },
  { id: 'f3000000-0000-4000-8000-000000000002', user: 'premium', courseSlug: 'technical-analysis-rsi-macd' },
  {
    id: 'f3000000-0000-4000-8000-000000000003',
    user: 'free',
    courseSlug: 'candlestick-patterns-for-beginners',
  },
];

export interface DemoProfileSeed {
  firstName: string;
  lastName: string;
  /** YYYY-MM-DD. */
  dateOfBirth: string;
  investmentExperience: 'NONE' | 'BEGINNER' | 'INTERMEDIATE' | 'EXPERIENCED';
  riskTolerance: 'LOW' | 'MODERATE' | 'HIGH';
  investmentHorizon: 'SHORT' | 'MEDIUM' | 'LONG';
}

/** Identity profiles of the demo accounts (preferences stay at their defaults). */
// prettier-ignore
export const demoProfiles: Record<DemoUserKey, DemoProfileSeed> = {
  free: { firstName: 'Rohan', lastName: 'Mehta', dateOfBirth: '2001-04-12', investmentExperience: 'NONE', riskTolerance: 'LOW', investmentHorizon: 'LONG' },
  premium: { firstName: 'Priya', lastName: 'Sharma', dateOfBirth: '1992-09-03', investmentExperience: 'INTERMEDIATE', riskTolerance: 'MODERATE', investmentHorizon: 'MEDIUM' },
  enterprise: { firstName: 'Arjun', lastName: 'Iyer', dateOfBirth: '1985-01-27', investmentExperience: 'EXPERIENCED', riskTolerance: 'HIGH', investmentHorizon: 'SHORT' },
  analyst: { firstName: 'Kavya', lastName: 'Reddy', dateOfBirth: '1989-06-18', investmentExperience: 'EXPERIENCED', riskTolerance: 'MODERATE', investmentHorizon: 'MEDIUM' },
  instructor: { firstName: 'Vikram', lastName: 'Nair', dateOfBirth: '1980-11-02', investmentExperience: 'EXPERIENCED', riskTolerance: 'MODERATE', investmentHorizon: 'LONG' },
  admin: { firstName: 'Ananya', lastName: 'Gupta', dateOfBirth: '1987-03-09', investmentExperience: 'INTERMEDIATE', riskTolerance: 'LOW', investmentHorizon: 'LONG' },
  support: { firstName: 'Meera', lastName: 'Pillai', dateOfBirth: '1994-07-21', investmentExperience: 'BEGINNER', riskTolerance: 'LOW', investmentHorizon: 'LONG' },
};
