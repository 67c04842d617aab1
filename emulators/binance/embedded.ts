import { Prisma } from '../../platform/prisma';
import { createBinanceCompatibleServer } from './index';
import { createSimulatedMarket, DEFAULT_SIMULATED_SYMBOLS } from './simulatedMarket';

/** Connect an exchange account with these (exchange "binance") to trade live on the demo exchange. */
export const DEMO_EXCHANGE_CREDENTIALS = {
  apiKey: 'demo-binance-key-0001',
  apiSecret: 'demo-binance-secret-0001',
};

/**
 * Our Binance-compatible server on a free 127.0.0.1 port for `npm start`: a simulated market (a seeded
 * random walk, a trade every `tradeEveryMs`) serving Binance's market data, which signals ingests like the
 * real exchange's, and a demo account holding 100,000 USDT whose orders fill at the simulated prices.
 * `startPrices` (BTCUSDT → price) continues from the stored history where there is one.
 */
export async function startEmbeddedBinance(
  options: { startPrices?: Record<string, number>; tradeEveryMs?: number } = {},
) {
  const symbols = DEFAULT_SIMULATED_SYMBOLS.map((entry) => ({
    ...entry,
    startPrice: options.startPrices?.[entry.symbol] ?? entry.startPrice,
  }));
  const market = createSimulatedMarket({ symbols });
  const server = createBinanceCompatibleServer({
    apiKey: DEMO_EXCHANGE_CREDENTIALS.apiKey,
    secret: DEMO_EXCHANGE_CREDENTIALS.apiSecret,
    markets: symbols.map(({ symbol }) => ({
      symbol,
      baseAsset: symbol.replace(/USDT$/, ''),
      quoteAsset: 'USDT',
    })),
    market,
  });
  const url = await server.start(0, '127.0.0.1');
  server.book.balances.set('USDT', new Prisma.Decimal(100_000));
  const stopPlaying = market.play(options.tradeEveryMs ?? 500);
  return {
    url,
    wsUrl: url.replace(/^http/, 'ws'),
    server,
    async stop() {
      stopPlaying();
      await server.stop();
    },
  };
}
