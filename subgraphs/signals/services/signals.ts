import { isAdmin, requireRole } from '../../../platform/auth/access';
import type { Role, Viewer } from '../../../platform/auth/viewer';
import { BadUserInputError, ConflictError, ForbiddenError, NotFoundError } from '../../../platform/errors';
import { isUuid } from '../../../platform/loaders';
import { Prisma } from '../../../platform/prisma';
import type { Instrument, Signal } from '../../../platform/prisma/generated/client';
import type { SignalsContext } from '../context';
import type { PublishSignalInput } from '../generated/resolvers-types';
import { PUBLISHED_SIGNALS_CAP } from '../loaders';
import { cancelActiveSignal } from './lifecycle';
import { assertLevelsAgainstMarket } from './marketLevels';
import { commitSignal } from './publication';
import { pageSignals, type SignalPage, type SignalPageArgs } from './signalConnection';
import { boundedCount, parseInput, publishSignalInputSchema } from './validation';
import { isSignalVisible, ruleFor, visibleSignalsWhere, type SignalRules } from './visibility';

export { MAX_SIGNALS } from './signalConnection';

const PUBLISHER_ROLES: readonly Role[] = ['ANALYST', 'ADMIN'];
/** Hand-published signals without an expiry close after a week. */
const DEFAULT_EXPIRY_MS = 7 * 86_400_000;

export interface SignalServiceOptions {
  rules: SignalRules;
  now?: () => Date;
  /** Called after a signal commits, e.g. to wake the outbox relay instead of waiting for its poll. */
  onCommitted?: () => void;
}

/** Analysts and admins publish, by hand or by running a strategy. */
export function assertPublisher(viewer: Viewer | null): Viewer {
  return requireRole(viewer, ...PUBLISHER_ROLES);
}

/** Prices must sit on the instrument's tick grid. */
export function assertOnTickGrid(instrument: Instrument, value: string | null | undefined, field: string) {
  if (value != null && !new Prisma.Decimal(value).mod(instrument.tickSize).isZero()) {
    throw new BadUserInputError(
      `${field} must be a multiple of the tick size ${instrument.tickSize.toString()}`,
      field,
    );
  }
}

export function createSignalService({ rules, now = () => new Date(), onCommitted }: SignalServiceOptions) {
  return {
    /** A page of what the viewer's tier may see: the same rules the gateway applies live. */
    listSignals(ctx: SignalsContext, args: SignalPageArgs): Promise<SignalPage> {
      return pageSignals(ctx.prisma, visibleSignalsWhere(ruleFor(rules, ctx.viewer), now()), args);
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
      const at = now();
      const input = parseInput(publishSignalInputSchema(at), raw);
      const instrument = await ctx.prisma.instrument.findUnique({ where: { symbol: input.symbol } });
      if (!instrument)
        throw new BadUserInputError(`symbol ${input.symbol} is not a known instrument`, 'symbol');
      for (const field of ['entryPrice', 'targetPrice', 'stopLoss'] as const)
        assertOnTickGrid(instrument, input[field], field);
      const tick = await ctx.prisma.marketPrice.findUnique({ where: { instrumentId: instrument.id } });
      assertLevelsAgainstMarket(input, tick?.price ?? null);
      const signal = await commitSignal(
        ctx.prisma,
        {
          instrument,
          side: input.side,
          strategy: input.strategy,
          price: input.entryPrice,
          confidence: new Prisma.Decimal(input.confidence).div(100).toString(),
          authorId: viewer.userId,
          source: { kind: 'ANALYST', key: viewer.userId, name: `Analyst ${viewer.userId.slice(0, 8)}` },
          targetPrice: input.targetPrice ?? null,
          stopLoss: input.stopLoss ?? null,
          expiresAt: input.expiresAt ?? new Date(at.getTime() + DEFAULT_EXPIRY_MS),
          rationale: input.rationale ?? null,
        },
        ctx.correlationId,
      );
      onCommitted?.();
      return signal;
    },

    /** Its publishing analyst, or any admin, withdraws an ACTIVE signal. */
    async cancel(ctx: SignalsContext, id: string): Promise<Signal> {
      const viewer = assertPublisher(ctx.viewer);
      const signal = isUuid(id) ? await ctx.prisma.signal.findUnique({ where: { id } }) : null;
      if (!signal) throw new NotFoundError('Signal', id);
      // Signals are public, so this one's existence is no secret: FORBIDDEN, not NOT_FOUND.
      if (!isAdmin(viewer) && signal.authorId !== viewer.userId)
        throw new ForbiddenError('Only the analyst who published a signal, or an admin, can cancel it');
      const cancelled = await ctx.prisma.$transaction((tx) =>
        cancelActiveSignal(tx, id, now(), ctx.correlationId),
      );
      if (!cancelled) throw new ConflictError(`Signal ${id} is no longer active`, { status: signal.status });
      onCommitted?.();
      return ctx.prisma.signal.findUniqueOrThrow({ where: { id } });
    },
  };
}

export type SignalService = ReturnType<typeof createSignalService>;
