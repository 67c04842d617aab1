import type { Role, Viewer } from '../../../platform/auth/viewer';
import { BadUserInputError, ForbiddenError, UnauthenticatedError } from '../../../platform/errors';
import { isUuid } from '../../../platform/loaders';
import { Prisma } from '../../../platform/prisma';
import type { Signal } from '../../../platform/prisma/generated/client';
import type { SignalsContext } from '../context';
import type { PublishSignalInput } from '../generated/resolvers-types';
import { PUBLISHED_SIGNALS_CAP } from '../loaders';
import { commitSignal } from './publication';
import { boundedCount, parseInput, parseSequence, publishSignalInputSchema } from './validation';
import { isSignalVisible, ruleFor, visibleSignalsWhere, type SignalRules } from './visibility';

export const MAX_SIGNALS = 100;

const PUBLISHER_ROLES: readonly Role[] = ['ANALYST', 'ADMIN'];

export interface SignalServiceOptions {
  rules: SignalRules;
  now?: () => Date;
  /** Called after a signal commits, e.g. to wake the outbox relay instead of waiting for its poll. */
  onCommitted?: () => void;
}

/** Analysts and admins publish, by hand or by running a strategy. */
export function assertPublisher(viewer: Viewer | null): Viewer {
  if (!viewer) throw new UnauthenticatedError();
  if (!viewer.roles.some((role) => PUBLISHER_ROLES.includes(role))) {
    throw new ForbiddenError('Only analysts and admins can publish signals');
  }
  return viewer;
}

export function createSignalService({ rules, now = () => new Date(), onCommitted }: SignalServiceOptions) {
  return {
    /**
     * Newest first; with `afterSequence`, the next ones after it, oldest first (a reconnecting client's
     * catch-up). Only what the viewer's tier may see: the same rules the gateway applies live.
     */
    listSignals(
      ctx: SignalsContext,
      last: number,
      afterSequence: string | null | undefined,
    ): Promise<Signal[]> {
      const take = boundedCount(last, MAX_SIGNALS, 'last');
      const visible = visibleSignalsWhere(ruleFor(rules, ctx.viewer), now());
      if (afterSequence === null || afterSequence === undefined) {
        return ctx.prisma.signal.findMany({ where: visible, orderBy: { sequence: 'desc' }, take });
      }
      const after = parseSequence(afterSequence, 'afterSequence');
      return ctx.prisma.signal.findMany({
        where: { ...visible, sequence: { gt: after } },
        orderBy: { sequence: 'asc' },
        take,
      });
    },

    /** null when missing or outside the viewer's tier: entity references get the same check. */
    async findSignal(ctx: SignalsContext, id: string): Promise<Signal | null> {
      if (!isUuid(id)) return null;
      const signal = await ctx.loaders.signalById.load(id);
      return signal && isSignalVisible(signal, ruleFor(rules, ctx.viewer), now()) ? signal : null;
    },

    async publishedBy(ctx: SignalsContext, authorId: string, last: number): Promise<Signal[]> {
      const count = boundedCount(last, PUBLISHED_SIGNALS_CAP, 'last');
      if (!isUuid(authorId)) return [];
      const rule = ruleFor(rules, ctx.viewer);
      const at = now();
      const signals = await ctx.loaders.signalsByAuthorId.load(authorId);
      return signals.filter((signal) => isSignalVisible(signal, rule, at)).slice(0, count);
    },

    async publish(ctx: SignalsContext, raw: PublishSignalInput): Promise<Signal> {
      const viewer = assertPublisher(ctx.viewer);
      const input = parseInput(publishSignalInputSchema, raw);
      const instrument = await ctx.prisma.instrument.findUnique({ where: { symbol: input.symbol } });
      if (!instrument)
        throw new BadUserInputError(`symbol ${input.symbol} is not a known instrument`, 'symbol');
      if (!new Prisma.Decimal(input.price).mod(instrument.tickSize).isZero()) {
        throw new BadUserInputError(
          `price must be a multiple of the tick size ${instrument.tickSize.toString()}`,
          'price',
        );
      }
      const signal = await commitSignal(
        ctx.prisma,
        { ...input, instrument, authorId: viewer.userId },
        ctx.correlationId,
      );
      onCommitted?.();
      return signal;
    },
  };
}

export type SignalService = ReturnType<typeof createSignalService>;
