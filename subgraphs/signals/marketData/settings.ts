import { z } from 'zod';

const optionalUrl = z.preprocess((value) => (value === '' ? undefined : value), z.url().optional());

/**
 * Market-data ingestion settings of the signals process (folded into its config schema). Unset URLs mean
 * Binance's own hosts; MARKET_DATA_EXCHANGE=off runs no ingestion (a replica that only serves the API).
 */
export const marketDataSettingsShape = {
  MARKET_DATA_EXCHANGE: z
    .enum(['binance', 'off'])
    .default('off')
    .describe('The exchange signals ingests prices from (CCXT); off: no ingestion on this replica.'),
  /** REST base without /api/v3, e.g. http://127.0.0.1:9100 (our emulator) or https://api.binance.com. */
  MARKET_DATA_REST_URL: optionalUrl.describe(
    "Binance-compatible REST base without /api/v3; unset: Binance's own (https://api.binance.com).",
  ),
  /** WebSocket base without /ws, e.g. ws://127.0.0.1:9100 or wss://stream.binance.com:9443. */
  MARKET_DATA_WS_URL: optionalUrl.describe(
    "Binance-compatible WebSocket base without /ws; unset: Binance's own stream host.",
  ),
  /** Comma-separated instrument symbols (BTC-USDT,ETH-USDT); unset: every instrument on the exchange. */
  MARKET_DATA_SYMBOLS: z
    .string()
    .optional()
    .transform((raw) =>
      raw
        ?.split(',')
        .map((symbol) => symbol.trim().toUpperCase())
        .filter(Boolean),
    )
    .refine((symbols) => !symbols || symbols.every((s) => /^[A-Z0-9]{2,12}-[A-Z0-9]{2,12}$/.test(s)), {
      message: 'MARKET_DATA_SYMBOLS must list symbols like BTC-USDT,ETH-USDT',
    })
    .describe(
      'Instruments to ingest, comma-separated (BTC-USDT,ETH-USDT); unset: every instrument on the exchange.',
    ),
  /** A quote older than this is `stale: true` in the API and is not acted on. */
  MARKET_DATA_STALE_SECONDS: z.coerce
    .number()
    .int()
    .min(1)
    .max(86_400)
    .default(60)
    .describe(
      'A quote older than this is stale: true in the API, and no signal, alert or paper order acts on it.',
    ),
  /** The candles the strategy runner evaluates every strategy on as they close; off: no runner. */
  MARKET_DATA_STRATEGY_INTERVAL: z
    .enum(['off', '1m', '5m', '1h', '1d'])
    .default('1h')
    .describe('Candles the strategy runner evaluates every strategy on as they close; off: no runner.'),
  /** History fetched on a first start (1m candles), when nothing is stored yet. */
  MARKET_DATA_BACKFILL_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(10_000)
    .default(180)
    .describe('1m candles of history fetched on a first start, when nothing is stored yet.'),
};

export const marketDataSettingsSchema = z.object(marketDataSettingsShape);
export type MarketDataSettings = z.infer<typeof marketDataSettingsSchema>;
