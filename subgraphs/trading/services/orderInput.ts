import { createHash } from 'node:crypto';
import { BadUserInputError } from '../../../platform/errors';
import { isUuid } from '../../../platform/loaders';
import { Prisma } from '../../../platform/prisma';
import { isSupportedSymbol } from '../domain/paperFx';
import type { PlaceOrderInput } from '../generated/resolvers-types';

export interface OrderRequest {
  symbol: string;
  side: 'BUY' | 'SELL';
  type: 'MARKET' | 'LIMIT' | 'STOP' | 'STOP_LIMIT';
  quantity: Prisma.Decimal;
  limitPrice: Prisma.Decimal | null;
  stopPrice: Prisma.Decimal | null;
  clientOrderId: string;
  exchangeAccountId: string | null;
  /** Same key, same hash: the same order; same key, other hash: CONFLICT. */
  inputHash: string;
}

const DECIMAL = /^\d{1,20}(\.\d{1,10})?$/;
const SYMBOL = /^[A-Z0-9][A-Z0-9:._-]{0,39}$/;
const CLIENT_ORDER_ID = /^[A-Za-z0-9_:-]{1,64}$/;

/** A positive decimal string within the Decimal(30,10) columns, or BAD_USER_INPUT naming the field. */
export function positiveDecimal(value: string, field: string): Prisma.Decimal {
  if (!DECIMAL.test(value)) {
    throw new BadUserInputError(`${field} must be a decimal string like "0.5" (at most 10 decimals)`, field);
  }
  const decimal = new Prisma.Decimal(value);
  if (!decimal.gt(0)) throw new BadUserInputError(`${field} must be greater than 0`, field);
  return decimal;
}

function price(value: string | null | undefined, field: string, needed: boolean): Prisma.Decimal | null {
  if (needed && (value === null || value === undefined)) {
    throw new BadUserInputError(`${field} is required for this order type`, field);
  }
  if (!needed && value !== null && value !== undefined) {
    throw new BadUserInputError(`${field} does not apply to this order type`, field);
  }
  return needed ? positiveDecimal(value!, field) : null;
}

export function validateOrderInput(input: PlaceOrderInput): OrderRequest {
  const symbol = input.symbol.trim().toUpperCase();
  if (!SYMBOL.test(symbol) || !isSupportedSymbol(symbol)) {
    throw new BadUserInputError(`Unknown or unsupported symbol "${input.symbol}"`, 'symbol');
  }
  if (!CLIENT_ORDER_ID.test(input.clientOrderId)) {
    throw new BadUserInputError('clientOrderId must be 1-64 of A-Z a-z 0-9 _ - :', 'clientOrderId');
  }
  const accountId = input.exchangeAccountId ?? null;
  if (accountId !== null && !isUuid(accountId)) {
    throw new BadUserInputError('exchangeAccountId is not an id', 'exchangeAccountId');
  }
  const request = {
    symbol,
    side: input.side,
    type: input.type,
    quantity: positiveDecimal(input.quantity, 'quantity'),
    limitPrice: price(input.limitPrice, 'limitPrice', input.type === 'LIMIT' || input.type === 'STOP_LIMIT'),
    stopPrice: price(input.stopPrice, 'stopPrice', input.type === 'STOP' || input.type === 'STOP_LIMIT'),
    clientOrderId: input.clientOrderId,
    exchangeAccountId: accountId,
  };
  // Normalised ("1.50" and "1.5" are the same order) before hashing.
  const canonical = JSON.stringify([
    request.symbol,
    request.side,
    request.type,
    request.quantity.toFixed(),
    request.limitPrice?.toFixed() ?? null,
    request.stopPrice?.toFixed() ?? null,
    request.exchangeAccountId,
  ]);
  return { ...request, inputHash: createHash('sha256').update(canonical).digest('hex') };
}
