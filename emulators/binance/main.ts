import { createBinanceCompatibleServer } from './index';
import { DEMO_EXCHANGE_CREDENTIALS } from './embedded';
import { createSimulatedMarket, DEFAULT_SIMULATED_SYMBOLS, type SimulatedSymbol } from './simulatedMarket';

/**
 * The Binance-compatible server on its own (`npx tsx emulators/binance/main.ts`) for the production-shape
 * tests: simulated market data plus the demo account's orders. Prints one JSON line with its URLs on
 * stdout and runs until SIGTERM or SIGINT.
 *
 * PORT (default 0: any free port), SIMULATED_SYMBOLS ("BTCUSDT:60000,ETHUSDT:3000"), SIMULATED_SEED,
 * SIMULATED_TRADE_EVERY_MS (default 500), BINANCE_API_KEY / BINANCE_API_SECRET (default: the demo account).
 */
function symbolsFrom(raw: string | undefined): SimulatedSymbol[] {
  if (!raw) return DEFAULT_SIMULATED_SYMBOLS;
  return raw.split(',').map((entry) => {
    const [symbol, price] = entry.trim().split(':');
    const startPrice = Number(price);
    if (!symbol || !/^[A-Z0-9]{2,20}$/.test(symbol) || !(startPrice > 0))
      throw new Error(`SIMULATED_SYMBOLS: "${entry}" is not SYMBOL:PRICE (e.g. BTCUSDT:60000)`);
    return { symbol, startPrice };
  });
}

function numberFrom(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0) throw new Error(`${name} must be a non-negative number`);
  return value;
}

async function main() {
  const symbols = symbolsFrom(process.env.SIMULATED_SYMBOLS);
  const market = createSimulatedMarket({ symbols, seed: numberFrom('SIMULATED_SEED', 1) });
  const server = createBinanceCompatibleServer({
    apiKey: process.env.BINANCE_API_KEY ?? DEMO_EXCHANGE_CREDENTIALS.apiKey,
    secret: process.env.BINANCE_API_SECRET ?? DEMO_EXCHANGE_CREDENTIALS.apiSecret,
    markets: symbols.map(({ symbol }) => ({
      symbol,
      baseAsset: symbol.replace(/(USDT|USDC|BTC|INR)$/, ''),
      quoteAsset: /(USDT|USDC|BTC|INR)$/.exec(symbol)?.[1] ?? 'USDT',
    })),
    market,
  });
  const url = await server.start(numberFrom('PORT', 0), '127.0.0.1');
  const stopPlaying = market.play(numberFrom('SIMULATED_TRADE_EVERY_MS', 500));
  process.stdout.write(`${JSON.stringify({ url, wsUrl: url.replace(/^http/, 'ws') })}\n`);
  const shutdown = () => {
    stopPlaying();
    server.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
