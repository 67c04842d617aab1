import { randomUUID } from 'node:crypto';
import type { GraphQLFormattedError } from 'graphql';
import type { Viewer } from '../../platform/auth/viewer';

/** What `executeOperation` answers, as the subgraph tests read it. */
export type Data = Record<string, unknown>;
export interface Result<T> {
  data?: T | null;
  errors?: readonly GraphQLFormattedError[];
}

/** A fresh FREE viewer with the given roles, as the gateway would have signed it. */
export const viewer = (...roles: Viewer['roles']): Viewer => ({
  userId: randomUUID(),
  sessionId: randomUUID(),
  roles,
  tier: 'FREE',
});

export const codeOf = (result: Result<unknown>) => result.errors?.[0]?.extensions?.code;
