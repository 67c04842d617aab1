import type { ClientInfo } from '../../platform/auth/viewer';
import type { SubgraphContext } from '../../platform/subgraph';
import type { IdentityLoaders } from './loaders';

/** Identity also needs where the request came from (sessions, per-IP lockout, audit). */
export type IdentityContext = SubgraphContext<IdentityLoaders> & { client: ClientInfo | null };
