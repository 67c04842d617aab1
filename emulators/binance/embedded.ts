import { Prisma } from '../../platform/prisma';
import { createBinanceCompatibleServer } from './index';

/** Connect an exchange account with these (exchange "binance") to trade live on the demo exchange. */
export const DEMO_EXCHANGE_CREDENTIALS = {
  apiKey: 'demo-binance-key-0001',
  apiSecret: 'demo-binance-secret-0001',
};

const MARKETS = ['BTC', 'ETH', 'SOL'].map((base) => ({
  symbol: `${base}USDT`,
  baseAsset: base,
  quoteAsset: 'USDT',
}));

/**
 * Our Binance-compatible server on a free 127.0.0.1 port for `npm start`: a demo account holding
 * 100,000 USDT, its prices following the platform's market ticks (`priceOf`, "BTC-USDT"), re-read
 * every second.
 */
export async function startEmbeddedBinance(priceOf: (symbol: string) => Prisma.Decimal | null) {
  const server = createBinanceCompatibleServer({
    apiKey: DEMO_EXCHANGE_CREDENTIALS.apiKey,
    secret: DEMO_EXCHANGE_CREDENTIALS.apiSecret,
    markets: MARKETS,
  });
  const url = await server.start(0, '127.0.0.1');
  server.book.balances.set('USDT', new Prisma.Decimal(100_000));
  const follow = () => {
    for (const market of MARKETS) {
      const price = priceOf(`${market.baseAsset}-${market.quoteAsset}`);
      if (price) server.book.setPrice(market.symbol, price.toFixed());
    }
  };
  const timer = setInterval(follow, 1_000);
  return {
    url,
    server,
    async stop() {
      clearInterval(timer);
      await server.stop();
    },
  };
}
