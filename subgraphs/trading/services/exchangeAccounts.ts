import { requireOwnedRow, requireViewer, visibleRow } from '../../../platform/auth/access';
import { BadUserInputError } from '../../../platform/errors';
import { isUuid } from '../../../platform/loaders';
import type { ExchangeAccount } from '../../../platform/prisma/generated/client';
import { sealSecret, secretFingerprint } from '../../../platform/secretSealing';
import type { TradingContext } from '../context';
import type { ConnectExchangeAccountInput } from '../generated/resolvers-types';
import type { TradingServiceDeps } from './tradingDeps';

const EXCHANGE = /^[a-z][a-z0-9_-]{1,39}$/;
const CREDENTIAL = /^[\x21-\x7e]{8,512}$/;

const ACTION = 'manage exchange accounts';
// Credentials are their owner's alone: no staff role sees another user's exchange account.
const OWNER_ONLY = [] as const;

/** Credentials go in sealed and never come out through the API: only a fingerprint and the last 4. */
export function createExchangeAccountService(deps: Pick<TradingServiceDeps, 'dataKey'>) {
  return {
    async connect(ctx: TradingContext, input: ConnectExchangeAccountInput): Promise<ExchangeAccount> {
      const viewer = requireViewer(ctx.viewer, ACTION);
      const exchange = input.exchange.trim().toLowerCase();
      if (!EXCHANGE.test(exchange))
        throw new BadUserInputError('exchange must be an exchange id like "binance"', 'exchange');
      const label = input.label.trim();
      if (label.length < 1 || label.length > 80)
        throw new BadUserInputError('label must be 1-80 characters', 'label');
      if (!CREDENTIAL.test(input.apiKey))
        throw new BadUserInputError('apiKey must be 8-512 printable characters', 'apiKey');
      if (!CREDENTIAL.test(input.apiSecret)) {
        throw new BadUserInputError('apiSecret must be 8-512 printable characters', 'apiSecret');
      }
      return ctx.prisma.exchangeAccount.create({
        data: {
          userId: viewer.userId,
          exchange,
          label,
          apiKeySealed: sealSecret(deps.dataKey, input.apiKey),
          apiSecretSealed: sealSecret(deps.dataKey, input.apiSecret),
          fingerprint: secretFingerprint(deps.dataKey, input.apiKey),
          apiKeyLast4: input.apiKey.slice(-4),
        },
      });
    },

    async disconnect(ctx: TradingContext, id: string): Promise<ExchangeAccount> {
      const viewer = requireViewer(ctx.viewer, ACTION);
      const row = isUuid(id) ? await ctx.prisma.exchangeAccount.findUnique({ where: { id } }) : null;
      const account = requireOwnedRow(viewer, row, 'ExchangeAccount', id, OWNER_ONLY);
      if (account.status === 'DISCONNECTED') return account;
      // The credentials are destroyed, not just flagged: a disconnected account keeps nothing usable.
      return ctx.prisma.exchangeAccount.update({
        where: { id },
        data: { status: 'DISCONNECTED', disconnectedAt: new Date(), apiKeySealed: '', apiSecretSealed: '' },
      });
    },

    async list(ctx: TradingContext): Promise<ExchangeAccount[]> {
      const viewer = requireViewer(ctx.viewer, ACTION);
      return ctx.prisma.exchangeAccount.findMany({
        where: { userId: viewer.userId },
        orderBy: { createdAt: 'asc' },
      });
    },

    /** An order's or position's account: absent (null) unless it is the viewer's own. */
    async byId(ctx: TradingContext, id: string): Promise<ExchangeAccount | null> {
      return visibleRow(ctx.viewer, await ctx.loaders.exchangeAccountById.load(id), OWNER_ONLY);
    },
  };
}

export type ExchangeAccountService = ReturnType<typeof createExchangeAccountService>;
