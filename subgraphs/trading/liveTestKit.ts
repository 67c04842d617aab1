import { randomUUID } from 'node:crypto';
import type { Viewer } from '../../platform/auth/viewer';
import { Prisma } from '../../platform/prisma';
import {
  createBinanceCompatibleServer,
  type BinanceCompatibleServer,
  type BinanceServerOptions,
} from '../../emulators/binance';
import type { TradingOptions } from './server';
import { startTrading, viewer, type Result, type TradingHarness } from './testHarness';

/** What the live tests read back from placeOrder/cancelOrder. */
export type LiveOrderView = {
  id: string;
  status: string;
  reason: string | null;
  quantity: string;
  filledQuantity: string;
  averageFillPrice: string | null;
  cancelRequested: boolean;
};
const ORDER_FIELDS = 'id status reason quantity filledQuantity averageFillPrice cancelRequested';
const PLACE = `mutation($input: PlaceOrderInput!) { placeOrder(input: $input) { ${ORDER_FIELDS} } }`;
const CANCEL = `mutation($id: ID!) { cancelOrder(id: $id) { ${ORDER_FIELDS} } }`;
const CONNECT = `mutation($input: ConnectExchangeAccountInput!) { connectExchangeAccount(input: $input) { id } }`;

/**
 * The trading subgraph trading live through CCXT against our Binance-compatible server on 127.0.0.1,
 * with a KYC-verified trader and a connected account; the sync loop is off (tests call `syncOrder`).
 */
export async function startLiveTrading(
  settings: TradingOptions = {},
  markets?: BinanceServerOptions['markets'],
) {
  const credentials = { apiKey: `live-key-${randomUUID().slice(0, 8)}`, secret: 'live-test-secret-0001' };
  const exchange: BinanceCompatibleServer = createBinanceCompatibleServer({ ...credentials, markets });
  const url = await exchange.start();
  const trading: TradingHarness = await startTrading({
    LIVE_EXCHANGE_API_URLS: { binance: url },
    LIVE_TIMEOUT_MS: 400,
    LIVE_RETRY_ATTEMPTS: 4,
    LIVE_RETRY_BASE_MS: 5,
    LIVE_RETRY_MAX_MS: 20,
    LIVE_BREAKER_THRESHOLD: 50,
    LIVE_BREAKER_OPEN_MS: 200,
    LIVE_SYNC_INTERVAL_MS: 0,
    ...settings,
  });

  async function connect(as: Viewer): Promise<string> {
    const input = {
      exchange: 'binance',
      label: 'spot',
      apiKey: credentials.apiKey,
      apiSecret: credentials.secret,
    };
    const result = await trading.run<{ connectExchangeAccount: { id: string } }>(CONNECT, { input }, as);
    return result.data!.connectExchangeAccount.id;
  }

  const trader: Viewer = { ...viewer('TRADER'), kyc: 'VERIFIED' };
  const accountId = await connect(trader);

  /** placeOrder as the trader on their account (BUY 0.01 BTC-USDT at market unless `input` says otherwise). */
  const tryPlace = (
    input: Record<string, unknown>,
    as: Viewer = trader,
  ): Promise<Result<{ placeOrder: LiveOrderView }>> =>
    trading.run<{ placeOrder: LiveOrderView }>(
      PLACE,
      {
        input: {
          symbol: 'BTC-USDT',
          side: 'BUY',
          type: 'MARKET',
          quantity: '0.01',
          clientOrderId: randomUUID(),
          exchangeAccountId: accountId,
          ...input,
        },
      },
      as,
    );

  return {
    exchange,
    trading,
    trader,
    accountId,
    connect,
    tryPlace,
    async place(input: Record<string, unknown> = {}, as: Viewer = trader): Promise<LiveOrderView> {
      const result = await tryPlace(input, as);
      if (result.errors) throw new Error(JSON.stringify(result.errors));
      return result.data!.placeOrder;
    },
    async cancel(id: string, as: Viewer = trader): Promise<LiveOrderView> {
      const result = await trading.run<{ cancelOrder: LiveOrderView }>(CANCEL, { id }, as);
      if (result.errors) throw new Error(JSON.stringify(result.errors));
      return result.data!.cancelOrder;
    },
    /** Our order as the exchange holds it (by client order id). */
    onExchange: (orderId: string) => exchange.book.orders.filter((o) => o.clientOrderId === orderId),
    syncOrder: async (id: string) =>
      trading.subgraph.liveOrders.sync(await trading.prisma.tradeOrder.findUniqueOrThrow({ where: { id } })),
    /** Prices and balances as every test starts them. */
    reset(price = '50000') {
      exchange.clearFaults();
      exchange.book.setFillCap(null);
      exchange.book.setQuantityRounding(null);
      exchange.book.setPrice('BTCUSDT', price);
      exchange.book.balances.set('USDT', new Prisma.Decimal(1_000_000));
      exchange.book.balances.set('BTC', new Prisma.Decimal(10));
    },
    async stop() {
      await trading.stop();
      await exchange.stop();
    },
  };
}

export type LiveTrading = Awaited<ReturnType<typeof startLiveTrading>>;
