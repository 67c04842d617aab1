/** Topics and payloads other domains rely on: changing one is a breaking change for its consumers. */
export const Topics = {
  userRegistered: 'identity.user.registered',
  subscriptionChanged: 'billing.subscription.changed',
  signalPublished: 'signals.published',
} as const;

export interface UserRegisteredPayload {
  userId: string;
  email: string;
  name: string | null;
}

export interface SubscriptionChangedPayload {
  userId: string;
  subscriptionId: string;
  tier: 'FREE' | 'PREMIUM' | 'ENTERPRISE';
  status: 'ACTIVE' | 'PAST_DUE' | 'CANCELLED';
}

export interface SignalPublishedPayload {
  signalId: string;
  sequence: string;
  instrumentId: string;
  symbol: string;
  side: 'BUY' | 'SELL';
  price: string;
}
