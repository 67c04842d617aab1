// Demo instruments (with the parameters of their generated candle history, see ./candles) and a few
// historical signals.
import type { AssetClass, SignalSide } from '../../platform/prisma/generated/enums';

export const instrumentIds = {
  'BTC-USDT': 'd1000000-0000-4000-8000-000000000001',
  'ETH-USDT': 'd1000000-0000-4000-8000-000000000002',
  'SOL-USDT': 'd1000000-0000-4000-8000-000000000003',
  'NSE:RELIANCE': 'd1000000-0000-4000-8000-000000000004',
  'NSE:TCS': 'd1000000-0000-4000-8000-000000000005',
  'NSE:INFY': 'd1000000-0000-4000-8000-000000000006',
  'NSE:HDFCBANK': 'd1000000-0000-4000-8000-000000000007',
} as const;

export type InstrumentSymbol = keyof typeof instrumentIds;

export interface InstrumentSeed {
  id: string;
  symbol: InstrumentSymbol;
  name: string;
  assetClass: AssetClass;
  exchange: string;
  baseAsset: string;
  quoteCurrency: string;
  tickSize: string;
  /** Generator parameters: first open, daily log-return volatility, typical daily volume, volume decimals. */
  startPrice: number;
  dailyVol: number;
  dailyVolume: number;
  volumeDecimals: number;
}

type Row = [InstrumentSymbol, string, string, number, number, number];
const cryptoPair = ([symbol, name, base, startPrice, dailyVol, dailyVolume]: Row): InstrumentSeed => ({
  id: instrumentIds[symbol],
  symbol,
  name,
  assetClass: 'CRYPTO',
  exchange: 'BINANCE',
  baseAsset: base,
  quoteCurrency: 'USDT',
  tickSize: '0.01',
  startPrice,
  dailyVol,
  dailyVolume,
  volumeDecimals: 4,
});
const nseEquity = ([symbol, name, base, startPrice, dailyVol, dailyVolume]: Row): InstrumentSeed => ({
  id: instrumentIds[symbol],
  symbol,
  name,
  assetClass: 'EQUITY',
  exchange: 'NSE',
  baseAsset: base,
  quoteCurrency: 'INR',
  tickSize: '0.05',
  startPrice,
  dailyVol,
  dailyVolume,
  volumeDecimals: 0,
});

export const instruments: readonly InstrumentSeed[] = [
  cryptoPair(['BTC-USDT', 'Bitcoin / Tether', 'BTC', 60_000, 0.028, 25_000]),
  cryptoPair(['ETH-USDT', 'Ether / Tether', 'ETH', 3_000, 0.034, 420_000]),
  cryptoPair(['SOL-USDT', 'Solana / Tether', 'SOL', 150, 0.045, 3_200_000]),
  nseEquity(['NSE:RELIANCE', 'Reliance Industries Ltd', 'RELIANCE', 2_900, 0.014, 6_500_000]),
  nseEquity(['NSE:TCS', 'Tata Consultancy Services Ltd', 'TCS', 3_900, 0.012, 2_100_000]),
  nseEquity(['NSE:INFY', 'Infosys Ltd', 'INFY', 1_500, 0.015, 6_000_000]),
  nseEquity(['NSE:HDFCBANK', 'HDFC Bank Ltd', 'HDFCBANK', 1_650, 0.013, 15_000_000]),
];

export interface SignalSeed {
  id: string;
  symbol: InstrumentSymbol;
  side: SignalSide;
  strategy: string;
  /** Emitted at the close of the daily candle this many days before the end time; priced at its close. */
  daysAgo: number;
  confidence: string;
}

type SignalRow = [InstrumentSymbol, SignalSide, string, number, string];

// prettier-ignore
const signalRows: SignalRow[] = [
  ['BTC-USDT', 'BUY', 'sma-50-200-cross', 41, '0.7200'],
  ['NSE:RELIANCE', 'BUY', 'rsi-reversal', 33, '0.6500'],
  ['ETH-USDT', 'SELL', 'macd-crossover', 27, '0.6100'],
  ['NSE:INFY', 'SELL', 'rsi-reversal', 22, '0.6800'],
  ['SOL-USDT', 'BUY', 'macd-crossover', 18, '0.5900'],
  ['NSE:TCS', 'BUY', 'macd-crossover', 14, '0.6300'],
  ['NSE:HDFCBANK', 'BUY', 'sma-50-200-cross', 9, '0.7400'],
  ['BTC-USDT', 'SELL', 'rsi-reversal', 6, '0.6600'],
  ['ETH-USDT', 'BUY', 'rsi-reversal', 3, '0.7000'],
  ['NSE:RELIANCE', 'SELL', 'macd-crossover', 1, '0.6200'],
];

export const signals: readonly SignalSeed[] = signalRows.map(
  ([symbol, side, strategy, daysAgo, confidence], i) => ({
    id: `e1000000-0000-4000-8000-${String(i + 1).padStart(12, '0')}`,
    symbol,
    side,
    strategy,
    daysAgo,
    confidence,
  }),
);
