import type { Domain } from '../../platform/events/envelope';

/**
 * The deployment as the README's production section (generated from deploy/variables.ts) and
 * docker-compose.yml describe it, as plain processes: the one place that says which command each process
 * runs and with which variables. The harness (./harness.ts) only starts what this returns, and
 * readmeProduction.test.ts checks it against the README's commands and required variables.
 */

export interface ProcessSpec {
  /** identity, signals#2, gateway, gateway#2, razorpay... */
  name: string;
  command: string;
  args: string[];
  env: Record<string, string>;
  /** Where /readyz answers once the process serves (none for one-shot commands and emulators). */
  readyUrl?: string;
}

/** What an operator provides: the managed services, the secrets and the third parties' accounts. */
export interface DeploymentInputs {
  databaseUrl: string;
  redisUrl: string;
  kafkaBrokers: string;
  /** Prefix of this deployment's Kafka topics and consumer groups on a shared broker. */
  kafkaNamespace: string;
  secrets: DeploymentSecrets;
  razorpay: { url: string; keyId: string; keySecret: string; webhookSecret: string };
  postmark: { url: string; serverToken: string };
  /**
   * Market data ingestion in signals (the exchange's REST and WebSocket endpoints). Unset: signals
   * ingests nothing, and nothing produces market.ticks.
   */
  marketData?: { exchange: string; restUrl: string; wsUrl: string };
  /** Host every process binds and is reached on. */
  host: string;
  /** Operator tuning on top of the defaults (e.g. smaller rate limits, a shorter consumer session). */
  tuning?: Record<string, string>;
}

export interface DeploymentSecrets {
  gatewaySecret: string;
  jwtPrivateKey: string;
  jwtPublicKey: string;
  identityDataKey: string;
  tradingDataKey: string;
}

export const subgraphNames: readonly Domain[] = ['identity', 'learning', 'signals', 'trading', 'billing'];

const npxTsx = (entry: string) => ({ command: 'npx', args: ['tsx', entry] });

/** compose's `x-service` environment: every subgraph and the gateway. */
function sharedEnv(inputs: DeploymentInputs): Record<string, string> {
  return {
    NODE_ENV: 'production',
    DATABASE_URL: inputs.databaseUrl,
    REDIS_URL: inputs.redisUrl,
    KAFKA_BROKERS: inputs.kafkaBrokers,
    KAFKA_NAMESPACE: inputs.kafkaNamespace,
    GATEWAY_SECRET: inputs.secrets.gatewaySecret,
    HOST: inputs.host,
    ...inputs.tuning,
  };
}

/** What compose adds per subgraph beyond the shared environment. */
function subgraphEnv(name: Domain, inputs: DeploymentInputs): Record<string, string> {
  switch (name) {
    case 'identity':
      return {
        JWT_PRIVATE_KEY: inputs.secrets.jwtPrivateKey,
        JWT_PUBLIC_KEY: inputs.secrets.jwtPublicKey,
        IDENTITY_DATA_KEY: inputs.secrets.identityDataKey,
        POSTMARK_SERVER_TOKEN: inputs.postmark.serverToken,
        POSTMARK_API_URL: inputs.postmark.url,
        EMAIL_FROM: 'TradeSchool <no-reply@tradeschool.example>',
        APP_URL: 'http://localhost:3000',
      };
    case 'trading':
      return { TRADING_DATA_KEY: inputs.secrets.tradingDataKey };
    case 'signals':
      return inputs.marketData
        ? {
            MARKET_DATA_EXCHANGE: inputs.marketData.exchange,
            MARKET_DATA_REST_URL: inputs.marketData.restUrl,
            MARKET_DATA_WS_URL: inputs.marketData.wsUrl,
          }
        : {};
    case 'billing':
      return {
        RAZORPAY_BASE_URL: inputs.razorpay.url,
        RAZORPAY_KEY_ID: inputs.razorpay.keyId,
        RAZORPAY_KEY_SECRET: inputs.razorpay.keySecret,
        RAZORPAY_WEBHOOK_SECRET: inputs.razorpay.webhookSecret,
        // Production refuses to issue tax invoices without a real, valid seller (billing/config.ts).
        SELLER_LEGAL_NAME: 'TradeSchool Production-Shape Test Seller',
        SELLER_GSTIN: '27AAPFU0939F1ZV',
        SELLER_ADDRESS: '1 Test Street, Mumbai, Maharashtra',
        GST_HOME_STATE: 'MH',
      };
    default:
      return {};
  }
}

const baseUrl = (host: string, port: number) => `http://${host}:${port}`;

/** compose's `migrate` service: `npm run db:migrate && npm run seed` with NODE_ENV=production. */
export function migrateSpecs(databaseUrl: string): ProcessSpec[] {
  const env = { NODE_ENV: 'production', DATABASE_URL: databaseUrl };
  return [
    { name: 'migrate', command: 'npm', args: ['run', 'db:migrate'], env },
    { name: 'seed', command: 'npm', args: ['run', 'seed'], env },
  ];
}

/** One subgraph replica: `npx tsx subgraphs/<name>/index.ts` on `port`. */
export function subgraphSpec(
  name: Domain,
  port: number,
  inputs: DeploymentInputs,
  replica = 1,
  replicas = 1,
): ProcessSpec {
  // Replicas tell Kafka who they are (a pod's name in Kubernetes), so a group's members can be told apart.
  const clientId: Record<string, string> =
    replicas > 1 ? { KAFKA_CLIENT_ID: kafkaClientIdOf(name, replica) } : {};
  return {
    name: replica === 1 ? name : `${name}#${replica}`,
    ...npxTsx(`subgraphs/${name}/index.ts`),
    env: { ...sharedEnv(inputs), PORT: String(port), ...clientId, ...subgraphEnv(name, inputs) },
    readyUrl: `${baseUrl(inputs.host, port)}/readyz`,
  };
}

export const kafkaClientIdOf = (name: Domain, replica: number) => `tradeschool-${name}-${replica}`;

/** One gateway replica: `npx tsx gateway/index.ts`, reaching each subgraph at `subgraphUrls` (behind a load balancer when replicated). */
export function gatewaySpec(
  port: number,
  subgraphBaseUrls: Record<Domain, string>,
  inputs: DeploymentInputs,
  replica = 1,
): ProcessSpec {
  const urls = Object.fromEntries(
    subgraphNames.map((name) => [`${name.toUpperCase()}_URL`, `${subgraphBaseUrls[name]}/graphql`]),
  );
  return {
    name: replica === 1 ? 'gateway' : `gateway#${replica}`,
    ...npxTsx('gateway/index.ts'),
    env: {
      ...sharedEnv(inputs),
      PORT: String(port),
      // compose: a 64 MiB young generation (bench/gateway).
      NODE_OPTIONS: '--max-semi-space-size=64',
      // Its own /metrics listener (9464 in a pod); replicas and test files side by side take any free port.
      METRICS_PORT: '0',
      ...urls,
    },
    readyUrl: `${baseUrl(inputs.host, port)}/readyz`,
  };
}

/** The third parties' stand-ins (emulators/), each printing one JSON line with its URL and keys. */
export function emulatorSpec(
  name: 'razorpay' | 'postmark' | 'binance',
  env: Record<string, string> = {},
): ProcessSpec {
  return { name, ...npxTsx(`emulators/${name}/main.ts`), env: { PORT: '0', HOST: '127.0.0.1', ...env } };
}
