// Instruments (reference data, in every environment) with the parameters of the simulated candle history
// the development seed generates for them (see ./candles).
import type { AssetClass } from '../../platform/prisma/generated/enums';

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
