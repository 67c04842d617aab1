import type { RiskLimits } from '../domain/preTradeRisk';
import type { ExchangeAdapter } from '../exchange/exchangeAdapter';
import type { LiveExchangeAdapter } from '../exchange/liveExchange';
import type { LastTickStore } from '../exchange/marketTicks';

/** What trading's services share for the life of the process. */
export interface TradingServiceDeps {
  exchange: ExchangeAdapter;
  /** Orders on a connected exchange account (CCXT). */
  liveExchange: LiveExchangeAdapter;
  ticks: LastTickStore;
  limits: RiskLimits;
  /** Paper fee in basis points of notional (0: no fees). */
  feeBps: number;
  /** AES-256-GCM key sealing exchange credentials. */
  dataKey: Buffer;
}
