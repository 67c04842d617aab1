import { createHash } from 'node:crypto';
import type { CodegenConfig } from '@graphql-codegen/cli';

const prismaModels = '../../../platform/prisma/generated/client';
const entityRef = '../../../platform/federation#EntityRef';

/** Resolver parents are the Prisma rows the services return; foreign entities are bare references. */
const subgraphs: Record<string, { context: string; mappers: Record<string, string> }> = {
  identity: {
    context: 'IdentityContext',
    mappers: {
      User: `${prismaModels}#User`,
      Session: `${prismaModels}#Session`,
      Profile: `${prismaModels}#Profile`,
      KycSubmission: `${prismaModels}#KycSubmission`,
      SecurityEvent: `${prismaModels}#SecurityEvent`,
    },
  },
  learning: {
    context: 'LearningContext',
    mappers: {
      Course: `${prismaModels}#Course`,
      Module: `${prismaModels}#Module`,
      Lesson: `${prismaModels}#Lesson`,
      Enrollment: `${prismaModels}#Enrollment`,
      LessonProgress: `${prismaModels}#LessonProgress`,
      VideoAsset: `${prismaModels}#VideoAsset`,
      Assessment: `${prismaModels}#Assessment`,
      Question: `${prismaModels}#Question`,
      AuthoredQuestion: `${prismaModels}#Question`,
      AssessmentAttempt: `${prismaModels}#AssessmentAttempt`,
      Certificate: `${prismaModels}#Certificate`,
      CourseConnection: '../services/catalog#CoursePage',
      CourseFacets: '../services/catalog#FacetRequest',
      CourseAnalytics: '../services/analytics#CourseFigures',
      LearningAnalytics: '../services/learningAnalytics#AnalyticsRange',
      AssignmentSubmission: `${prismaModels}#AssignmentSubmission`,
      CertificateVerification: '../services/certificates#CertificateCheck',
      AttemptResult: '../services/grading#GradedAttempt',
      User: entityRef,
    },
  },
  signals: {
    context: 'SignalsContext',
    mappers: {
      Instrument: `${prismaModels}#Instrument`,
      Signal: `${prismaModels}#Signal`,
      Candle: `${prismaModels}#Candle`,
      SignalSource: `${prismaModels}#SignalSource`,
      PriceAlert: `${prismaModels}#PriceAlert`,
      MarketTick: '../services/marketTicks#MarketTickRow',
      SignalConnection: '../services/signalConnection#SignalPage',
      User: entityRef,
      Strategy: '../strategies/definitions#StrategyDefinition',
      Backtest: '../services/strategies#BacktestResult',
      BacktestTrade: '../strategies/backtest#Trade',
    },
  },
  trading: {
    context: 'TradingContext',
    mappers: {
      Portfolio: `${prismaModels}#Portfolio`,
      Position: `${prismaModels}#Position`,
      TradeOrder: `${prismaModels}#TradeOrder`,
      TradeOrderEvent: `${prismaModels}#TradeEvent`,
      TradeOrderConnection: '../services/orderQueries#OrderPage',
      ExchangeAccount: `${prismaModels}#ExchangeAccount`,
      SignalFollow: `${prismaModels}#SignalFollow`,
      SignalCopySkip: `${prismaModels}#SignalCopySkip`,
      Instrument: entityRef,
      User: entityRef,
    },
  },
  billing: {
    context: 'BillingContext',
    mappers: {
      Plan: `${prismaModels}#Plan`,
      PlanSubscription: `${prismaModels}#Subscription`,
      Order: `${prismaModels}#PaymentOrder`,
      Payment: `${prismaModels}#Payment`,
      Refund: `${prismaModels}#Refund`,
      Invoice: `${prismaModels}#Invoice`,
      ComplianceReview: `${prismaModels}#ComplianceReview`,
      LedgerBalance: '../services/ledger#AccountBalance',
      CourseAnalytics: '../services/courseRevenue#CourseRevenue',
      User: entityRef,
    },
  },
};

/**
 * The client SDK: TypedDocumentNode documents and operation types for schema/operations/ (hand-written,
 * and generated/ for every root field none of them covers: schema/sdkOperations.ts)
 * (validated against the composed supergraph), and the trusted-documents manifest the gateway loads
 * (`{ sha256: document }`); each document carries its hash so the SDK sends the id the gateway expects.
 */
const clientSdk: CodegenConfig['generates'] = {
  'clients/sdk/src/generated/': {
    schema: 'schema/supergraph.graphql',
    documents: ['schema/operations/*.graphql', 'schema/operations/generated/*.graphql'],
    preset: 'client',
    presetConfig: {
      fragmentMasking: false,
      persistedDocuments: {
        // Bare hex: the manifest key gateway/limits/trustedDocuments.ts checks against sha256(document).
        hashAlgorithm: (document: string) => createHash('sha256').update(document).digest('hex'),
        mode: 'embedHashInDocument',
      },
    },
    config: {
      enumsAsTypes: true,
      useTypeImports: true,
      avoidOptionals: { field: true, inputValue: false, object: false, defaultValue: false },
      scalars: { DateTime: 'string' },
    },
  },
};

const config: CodegenConfig = {
  overwrite: true,
  generates: {
    ...clientSdk,
    ...Object.fromEntries(
      Object.entries(subgraphs).map(([name, { context, mappers }]) => [
        `subgraphs/${name}/generated/resolvers-types.ts`,
        {
          schema: `subgraphs/${name}/schema.graphql`,
          plugins: ['typescript', 'typescript-resolvers'],
          config: {
            federation: true,
            contextType: `../context#${context}`,
            mappers,
            mapperTypeSuffix: 'Model',
            enumsAsTypes: true,
            useTypeImports: true,
            avoidOptionals: { field: true, inputValue: false, object: false, defaultValue: false },
            scalars: { DateTime: 'Date' },
          },
        },
      ]),
    ),
  },
};

export default config;
