import { BadUserInputError } from '../../../platform/errors';
import { parseDecimalToMinorUnits } from '../../../platform/money';
import type { CreateCourseInput, UpdateCourseInput } from '../generated/resolvers-types';

/** The price band the catalog sells in: ₹24,000 to ₹8,00,000 (or free). */
export const MIN_PAID_PRICE_MINOR = 2_400_000n;
export const MAX_PRICE_MINOR = 80_000_000n;

const slugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export function text(value: string, field: string, min: number, max: number): string {
  const trimmed = value.trim();
  if (trimmed.length < min || trimmed.length > max) {
    throw new BadUserInputError(`${field} must be ${min} to ${max} characters`, field);
  }
  return trimmed;
}

export function wholeNumber(value: number, field: string, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new BadUserInputError(`${field} must be a whole number from ${min} to ${max}`, field);
  }
  return value;
}

export function priceMinor(value: string, field = 'input.price'): bigint {
  let minor: bigint;
  try {
    minor = parseDecimalToMinorUnits(value, 'INR');
  } catch {
    throw new BadUserInputError('price must be a decimal amount in rupees, e.g. "24000.00"', field);
  }
  if (minor !== 0n && (minor < MIN_PAID_PRICE_MINOR || minor > MAX_PRICE_MINOR)) {
    throw new BadUserInputError('Courses are free or priced from ₹24,000 to ₹8,00,000', field);
  }
  return minor;
}

function tags(values: string[]): string[] {
  const cleaned = [...new Set(values.map((tag) => tag.trim().toLowerCase()).filter(Boolean))];
  if (cleaned.length > 10 || cleaned.some((tag) => tag.length > 30 || !slugPattern.test(tag))) {
    throw new BadUserInputError('At most 10 tags of lower-case words joined by hyphens', 'input.tags');
  }
  return cleaned;
}

function category(value: string): string {
  const cleaned = value.trim().toLowerCase();
  if (!slugPattern.test(cleaned) || cleaned.length > 50) {
    throw new BadUserInputError('category is lower-case words joined by hyphens', 'input.category');
  }
  return cleaned;
}

export function newCourseFields(input: CreateCourseInput) {
  const slug = input.slug.trim();
  if (!slugPattern.test(slug) || slug.length > 80) {
    throw new BadUserInputError('slug is lower-case letters, digits and hyphens (at most 80)', 'input.slug');
  }
  return {
    slug,
    title: text(input.title, 'input.title', 3, 200),
    summary: text(input.summary, 'input.summary', 1, 500),
    description: input.description == null ? '' : text(input.description, 'input.description', 0, 20_000),
    category: category(input.category),
    tags: tags(input.tags ?? []),
    level: input.level,
    priceMinor: priceMinor(input.price),
  };
}

export function courseChanges(input: UpdateCourseInput) {
  return {
    ...(input.title != null && { title: text(input.title, 'input.title', 3, 200) }),
    ...(input.summary != null && { summary: text(input.summary, 'input.summary', 1, 500) }),
    ...(input.description != null && {
      description: text(input.description, 'input.description', 0, 20_000),
    }),
    ...(input.category != null && { category: category(input.category) }),
    ...(input.tags != null && { tags: tags(input.tags) }),
    ...(input.level != null && { level: input.level }),
    ...(input.price != null && { priceMinor: priceMinor(input.price) }),
  };
}
