import type { Tier } from '../../platform/auth/viewer';
import {
  LiveChannels,
  type LiveSignalEvent,
  type LiveTickEvent,
  type LiveUserEvent,
} from '../../platform/events/topics';

export type LiveChannelName = keyof typeof LiveChannels;
export type LiveEvent = LiveSignalEvent | LiveTickEvent | LiveUserEvent;

/**
 * How one Subscription field is served. Adding a live field is a row here: the channel its events
 * arrive on, which events are its own, and the root Query field that resolves an event's entity by id
 * (the subscriber's selection runs under it through the supergraph).
 */
/** `signal(id: ID!)`: `{ field: 'signal', argument: 'id', type: 'ID' }`. */
export interface EntityQuery {
  field: string;
  argument: string;
  type: string;
}

const byId = (field: string): EntityQuery => ({ field, argument: 'id', type: 'ID' });

export interface LiveFieldSpec {
  channel: LiveChannelName;
  /** `tier`: one shared execution per operation and tier; `user`: only the event's user, executed as them. */
  audience: 'tier' | 'user';
  /** Root Query field resolving the event's entity by one argument; null: the event is the payload. */
  query: EntityQuery | null;
  /** Whether this field's events are its own (one channel carries several fields). */
  accepts(event: LiveEvent): boolean;
  /** The value passed to the query's argument. */
  entityId(event: LiveEvent): string;
  /** Symbol the `symbols`/`instruments` filter compares against; null: the field has no such filter. */
  symbol(event: LiveEvent): string | null;
  /** Key of a repeat (the fan-out may publish twice after a crash); null: never deduplicated. */
  dedupeKey(event: LiveEvent): string | null;
  /** Tiers allowed to subscribe; absent: all. */
  tiers?: readonly Tier[];
  /** FREE's delay and daily cap (platform/signalTiers.ts) apply to each event. */
  signalTierRules?: boolean;
  /** Scalars the event itself carries: a selection of only these needs no supergraph round trip. */
  eventFields?: readonly string[];
  /** Later events replace earlier ones not yet written (ticks: only the latest price matters). */
  coalesce?: boolean;
}

const signal = (event: LiveEvent) => event as LiveSignalEvent;
const signalField = (kind: 'PUBLISHED' | 'UPDATED'): LiveFieldSpec => ({
  channel: 'signals',
  audience: 'tier',
  query: byId('signal'),
  // Events from before `kind` existed are publications.
  accepts: (event) => (signal(event).kind ?? 'PUBLISHED') === kind,
  entityId: (event) => signal(event).signalId,
  symbol: (event) => signal(event).symbol,
  dedupeKey: (event) => `${kind}:${signal(event).signalId}`,
  signalTierRules: true,
});

const userField = (field: LiveUserEvent['field'], queryField: string): LiveFieldSpec => ({
  channel: 'user',
  audience: 'user',
  query: byId(queryField),
  accepts: (event) => (event as LiveUserEvent).field === field,
  entityId: (event) => (event as LiveUserEvent).id,
  symbol: () => null,
  // An order can change several times a second: every change is delivered.
  dedupeKey: () => null,
});

export const liveFields: Readonly<Record<string, LiveFieldSpec>> = {
  signalPublished: signalField('PUBLISHED'),
  signalUpdated: signalField('UPDATED'),
  marketTicks: {
    channel: 'ticks',
    audience: 'tier',
    // Only for selections beyond the tick's own scalars (e.g. `instrument { name }`).
    query: { field: 'marketTick', argument: 'symbol', type: 'String' },
    accepts: () => true,
    entityId: (event) => (event as LiveTickEvent).symbol,
    symbol: (event) => (event as LiveTickEvent).symbol,
    dedupeKey: () => null,
    tiers: ['PREMIUM', 'ENTERPRISE'],
    eventFields: ['instrumentId', 'symbol', 'price', 'bid', 'ask', 'at', 'sequence'],
    coalesce: true,
  },
  orderUpdated: userField('orderUpdated', 'tradeOrder'),
  positionUpdated: userField('positionUpdated', 'position'),
  priceAlertTriggered: userField('priceAlertTriggered', 'priceAlert'),
};

export const liveChannelNames = Object.keys(LiveChannels) as LiveChannelName[];

/** The user an event is addressed to (user channel only). */
export const userOf = (event: LiveEvent): string | null =>
  'userId' in event && typeof event.userId === 'string' ? event.userId : null;
