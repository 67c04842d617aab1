import { loadProcessConfig } from '../../platform/config';
import { configErrorOf, namedVariables, productionBase } from '../../test/support/configFixtures';
import {
  exchangeUrlsHttpsUnlessLoopback,
  requiresTradingDataKey,
  tradingConfig,
  tradingConfigSchema,
} from './config';

const complete = { ...productionBase, TRADING_DATA_KEY: 't'.repeat(32) };
const parse = (env: Record<string, string | undefined>) => tradingConfigSchema.parse(env);

describe('trading config', () => {
  it('loads a complete production environment', () => {
    expect(loadProcessConfig(tradingConfig, complete)).toMatchObject({ LIVE_EXCHANGE_API_URLS: {} });
  });

  it('names every missing production variable at once', () => {
    const { REDIS_URL: _redis, KAFKA_BROKERS: _kafka, ...rest } = productionBase;
    expect(namedVariables(configErrorOf(() => loadProcessConfig(tradingConfig, rest))).sort()).toEqual([
      'KAFKA_BROKERS',
      'REDIS_URL',
      'TRADING_DATA_KEY',
    ]);
  });

  it('requiresTradingDataKey', () => {
    expect(requiresTradingDataKey(parse(complete))).toEqual([]);
    expect(requiresTradingDataKey(parse(productionBase))).toEqual([
      expect.stringMatching(/^TRADING_DATA_KEY: required in production/),
    ]);
  });

  it('exchangeUrlsHttpsUnlessLoopback: each exchange over https, except an emulator on this machine', () => {
    const urls = (value: object) => parse({ ...complete, LIVE_EXCHANGE_API_URLS: JSON.stringify(value) });
    expect(exchangeUrlsHttpsUnlessLoopback(urls({ binance: 'https://api.binance.com' }))).toEqual([]);
    expect(exchangeUrlsHttpsUnlessLoopback(urls({ binance: 'http://127.0.0.1:4200' }))).toEqual([]);
    expect(
      exchangeUrlsHttpsUnlessLoopback(
        urls({ binance: 'https://api.binance.com', kraken: 'http://kraken.example' }),
      ),
    ).toEqual([expect.stringMatching(/^LIVE_EXCHANGE_API_URLS: .*\(kraken\)$/)]);
  });

  it('names LIVE_EXCHANGE_API_URLS when it is not JSON', () => {
    expect(
      namedVariables(
        configErrorOf(() => loadProcessConfig(tradingConfig, { ...complete, LIVE_EXCHANGE_API_URLS: '{' })),
      ),
    ).toEqual(['LIVE_EXCHANGE_API_URLS']);
  });
});
