import { loadProcessConfig } from '../../platform/config';
import { configErrorOf, namedVariables, productionBase } from '../../test/support/configFixtures';
import {
  appUrlHttpsUnlessLoopback,
  completeNextJwtKey,
  identityConfig,
  identityConfigSchema,
  owaspScrypt,
  requiresDataKey,
  requiresJwtKeyPair,
} from './config';
import {
  postmarkHttpsUnlessLoopback,
  refusesPostmarkTestToken,
  requiresPostmarkToken,
} from '../../platform/email/emailSettings';

const complete = {
  ...productionBase,
  JWT_PRIVATE_KEY: '-----BEGIN PRIVATE KEY-----...',
  JWT_PUBLIC_KEY: '-----BEGIN PUBLIC KEY-----...',
  IDENTITY_DATA_KEY: 'k'.repeat(32),
  POSTMARK_SERVER_TOKEN: 'server-token',
};
const parse = (env: Record<string, string | undefined>) => identityConfigSchema.parse(env);

describe('identity config', () => {
  it('loads a complete production environment', () => {
    expect(loadProcessConfig(identityConfig, complete)).toMatchObject({ NODE_ENV: 'production', PORT: 4001 });
  });

  it('names every missing production variable at once', () => {
    const message = configErrorOf(() =>
      loadProcessConfig(identityConfig, {
        NODE_ENV: 'production',
        DATABASE_URL: complete.DATABASE_URL,
        GATEWAY_SECRET: complete.GATEWAY_SECRET,
        PORT: '1',
      }),
    );
    expect(namedVariables(message).sort()).toEqual(
      [
        'IDENTITY_DATA_KEY',
        'JWT_PRIVATE_KEY',
        'JWT_PUBLIC_KEY',
        'KAFKA_BROKERS',
        'POSTMARK_SERVER_TOKEN',
        'REDIS_URL',
      ].sort(),
    );
  });

  it('requiresJwtKeyPair: both halves', () => {
    expect(requiresJwtKeyPair(parse(complete))).toEqual([]);
    expect(requiresJwtKeyPair(parse({ ...complete, JWT_PUBLIC_KEY: undefined }))).toEqual([
      expect.stringMatching(/^JWT_PUBLIC_KEY: required in production/),
    ]);
  });

  it('completeNextJwtKey: none or all three parts of a rotation', () => {
    expect(completeNextJwtKey(parse(complete))).toEqual([]);
    const next = {
      JWT_NEXT_PRIVATE_KEY: 'p',
      JWT_NEXT_PUBLIC_KEY: 'q',
      JWT_NEXT_SIGNS_FROM: '2026-12-04T00:00:00Z',
    };
    expect(completeNextJwtKey(parse({ ...complete, ...next }))).toEqual([]);
    expect(completeNextJwtKey(parse({ ...complete, ...next, JWT_NEXT_SIGNS_FROM: undefined }))).toEqual([
      expect.stringMatching(/^JWT_NEXT_SIGNS_FROM: /),
    ]);
  });

  it('requiresDataKey', () => {
    expect(requiresDataKey(parse(complete))).toEqual([]);
    expect(requiresDataKey(parse({ ...complete, IDENTITY_DATA_KEY: undefined }))).toEqual([
      expect.stringMatching(/^IDENTITY_DATA_KEY: required in production/),
    ]);
  });

  it.each([
    [2 ** 17, 8, 1, true],
    [2 ** 16, 8, 2, true],
    [2 ** 15, 8, 3, true],
    [2 ** 14, 8, 5, true],
    [2 ** 13, 8, 10, true],
    [2 ** 18, 8, 1, true],
    [2 ** 14, 8, 4, false],
    [2 ** 13, 8, 9, false],
    [2 ** 12, 8, 50, false],
    [2 ** 17, 4, 1, false],
    [3 * 2 ** 13, 8, 10, false],
  ])('owaspScrypt N=%i r=%i p=%i passes: %s', (n, r, p, passes) => {
    const config = parse({
      ...complete,
      PASSWORD_SCRYPT_N: String(n),
      PASSWORD_SCRYPT_R: String(r),
      PASSWORD_SCRYPT_P: String(p),
    });
    expect(owaspScrypt(config)).toHaveLength(passes ? 0 : 1);
  });

  it('requiresPostmarkToken, refusesPostmarkTestToken, postmarkHttpsUnlessLoopback', () => {
    expect(requiresPostmarkToken(parse({ ...complete, POSTMARK_SERVER_TOKEN: undefined }))).toHaveLength(1);
    expect(
      refusesPostmarkTestToken(parse({ ...complete, POSTMARK_SERVER_TOKEN: 'POSTMARK_API_TEST' })),
    ).toEqual([expect.stringMatching(/^POSTMARK_SERVER_TOKEN: /)]);
    expect(refusesPostmarkTestToken(parse(complete))).toEqual([]);
    expect(postmarkHttpsUnlessLoopback(parse(complete))).toEqual([]);
    expect(
      postmarkHttpsUnlessLoopback(parse({ ...complete, POSTMARK_API_URL: 'http://127.0.0.1:4100' })),
    ).toEqual([]);
    expect(
      postmarkHttpsUnlessLoopback(parse({ ...complete, POSTMARK_API_URL: 'http://postmark.example' })),
    ).toEqual([expect.stringMatching(/^POSTMARK_API_URL: /)]);
  });

  it('appUrlHttpsUnlessLoopback: reset links carry a token', () => {
    expect(appUrlHttpsUnlessLoopback(parse({ ...complete, APP_URL: 'https://app.example' }))).toEqual([]);
    expect(appUrlHttpsUnlessLoopback(parse({ ...complete, APP_URL: 'http://app.example' }))).toEqual([
      expect.stringMatching(/^APP_URL: /),
    ]);
  });
});
