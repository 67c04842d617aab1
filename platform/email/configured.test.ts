import { ConfigError } from '../config';
import { configuredEmailSender } from './configured';

const settings = {
  POSTMARK_API_URL: 'https://api.postmarkapp.com',
  EMAIL_FROM: 'TradeSchool <no-reply@tradeschool.example>',
};

describe('configuredEmailSender', () => {
  it('uses our stand-in (undefined) without a token outside production, Postmark with one', () => {
    expect(configuredEmailSender({ ...settings, NODE_ENV: 'development' })).toBeUndefined();
    const sender = configuredEmailSender({
      ...settings,
      NODE_ENV: 'development',
      POSTMARK_SERVER_TOKEN: 't',
    });
    expect(typeof sender?.send).toBe('function');
  });

  it.each([
    ['no token', {}],
    ["Postmark's test token", { POSTMARK_SERVER_TOKEN: 'POSTMARK_API_TEST' }],
    ['plain HTTP', { POSTMARK_SERVER_TOKEN: 'server-token', POSTMARK_API_URL: 'http://postmark.internal:9' }],
  ])('refuses to start in production with %s', (_case, overrides) => {
    expect(() => configuredEmailSender({ ...settings, NODE_ENV: 'production', ...overrides })).toThrow(
      ConfigError,
    );
  });

  it('accepts plain HTTP in production only to a loopback host (our emulator in production-shape tests)', () => {
    const sender = configuredEmailSender({
      ...settings,
      NODE_ENV: 'production',
      POSTMARK_SERVER_TOKEN: 'server-token',
      POSTMARK_API_URL: 'http://127.0.0.1:9',
    });
    expect(typeof sender?.send).toBe('function');
  });

  it('accepts a real token over https in production', () => {
    const sender = configuredEmailSender({
      ...settings,
      NODE_ENV: 'production',
      POSTMARK_SERVER_TOKEN: 'server-token',
    });
    expect(typeof sender?.send).toBe('function');
  });
});
