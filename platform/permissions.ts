import type { GraphQLResolveInfo, GraphQLSchema } from 'graphql';
import { applyMiddleware } from 'graphql-middleware';
import { allow, and, deny, or, rule, shield, type IRule } from 'graphql-shield';
import { isOwnerOrStaff } from './auth/access';
import type { Role, Tier, Viewer } from './auth/viewer';
import { ForbiddenError, NotFoundError, PaymentRequiredError, UnauthenticatedError } from './errors';

/**
 * graphql-shield around every subgraph. The rules here decide WHO may ask a field at all (signed in,
 * role, tier, KYC); WHICH rows they get (ownership) is the services' job, because `__resolveReference`
 * never passes through a Query field. Every map is applied with `fallbackRule: deny`, so a field nobody
 * wrote a rule for is closed, not open.
 *
 * Cache scopes: 'contextual' for rules that read only the viewer (evaluated once per request);
 * 'strict' for rules that read arguments or the parent (evaluated once per parent+args).
 */

export { allow, and, deny, or };
/** A plain rule or a combination (and/or/not). */
export type ShieldRule = IRule | ReturnType<typeof and>;
/** Field name → rule; `'*'` is the type's default for fields not named. */
export type FieldPermissions = Record<string, ShieldRule>;
/** Type name → one rule for all its fields, or a field map. */
export type SubgraphPermissions = Record<string, ShieldRule | FieldPermissions>;

/** What the rules read from a subgraph's context (platform/subgraph.ts and identity's server). */
export interface PermissionContext {
  viewer: Viewer | null;
  /** Set only once the gateway's HMAC signature over the request was verified (or in testContext). */
  gatewayVerified?: boolean;
}

const TIER_RANK: Record<Tier, number> = { FREE: 0, PREMIUM: 1, ENTERPRISE: 2 };

/**
 * shield() refuses two different rules with one name (the name is the cache key), so builders hand
 * out one instance per name however many fields and subgraphs ask for it.
 */
const namedRules = new Map<string, ShieldRule>();
function named(name: string, build: (name: string) => ShieldRule): ShieldRule {
  let built = namedRules.get(name);
  if (!built) namedRules.set(name, (built = build(name)));
  return built;
}

export const isGatewaySigned = rule('isGatewaySigned', { cache: 'contextual' })(
  (_parent: unknown, _args: unknown, ctx: PermissionContext) =>
    ctx.gatewayVerified === true || new ForbiddenError('Only the gateway may call this field'),
);

export const isAuthenticated = rule('isAuthenticated', { cache: 'contextual' })(
  (_parent: unknown, _args: unknown, ctx: PermissionContext) =>
    ctx.viewer !== null || new UnauthenticatedError(),
);

/** Any one of `roles`; ADMIN is not implied, list it where admins belong. */
export function hasRole(...roles: Role[]): ShieldRule {
  const allowed = named(`hasRole(${roles.join(',')})`, (name) =>
    rule(name, { cache: 'contextual' })(
      (_parent: unknown, _args: unknown, ctx: PermissionContext) =>
        (ctx.viewer?.roles ?? []).some((role) => roles.includes(role)) ||
        new ForbiddenError(`Requires one of the roles ${roles.join(', ')}`, { requiredRoles: roles }),
    ),
  );
  return and(isAuthenticated, allowed);
}

/** The viewer's subscription tier is `minTier` or above (tiers come from billing, via the token). */
export function hasTier(minTier: Tier): ShieldRule {
  const allowed = named(`hasTier(${minTier})`, (name) =>
    rule(name, { cache: 'contextual' })(
      (_parent: unknown, _args: unknown, ctx: PermissionContext) =>
        (ctx.viewer !== null && TIER_RANK[ctx.viewer.tier] >= TIER_RANK[minTier]) ||
        new PaymentRequiredError(`Requires the ${minTier} tier or above`, { requiredTier: minTier }),
    ),
  );
  return and(isAuthenticated, allowed);
}

/** Identity's KYC decision, carried in the access token's `kyc` claim. */
export function viewerHasVerifiedKyc(viewer: Viewer | null): boolean {
  return viewer?.kyc === 'VERIFIED';
}

export const hasVerifiedKyc = and(
  isAuthenticated,
  rule('hasVerifiedKyc', { cache: 'contextual' })(
    (_parent: unknown, _args: unknown, ctx: PermissionContext) =>
      viewerHasVerifiedKyc(ctx.viewer) ||
      new ForbiddenError('Verified KYC is required', { reason: 'KYC_REQUIRED' }),
  ),
);

/**
 * A rule that reads the field's arguments: cached per arguments ('strict'), never per request, so two
 * calls with different arguments in one operation are judged separately.
 */
export function argumentRule<A>(
  name: string,
  check: (args: A, viewer: Viewer | null) => boolean | Error,
): ShieldRule {
  return named(name, () =>
    rule(name, { cache: 'strict' })((_parent: unknown, args: A, ctx: PermissionContext) =>
      check(args, ctx.viewer),
    ),
  );
}

/**
 * `User.x` fields: the viewer is that user (parent.id) or has one of `roles`. Anyone else gets
 * NOT_FOUND, as the services answer for another user's rows (platform/auth/access); anonymous
 * callers UNAUTHENTICATED.
 */
export function isSelfOr(...roles: Role[]): ShieldRule {
  return named(`isSelfOr(${roles.join(',')})`, (name) =>
    rule(name, { cache: 'strict' })(
      (parent: { id?: unknown }, _args: unknown, ctx: PermissionContext, info: GraphQLResolveInfo) => {
        if (ctx.viewer === null) return new UnauthenticatedError();
        const owner = typeof parent.id === 'string' ? parent.id : '';
        return isOwnerOrStaff(ctx.viewer, owner, roles) || new NotFoundError(`User.${info.fieldName}`);
      },
    ),
  );
}

/** Federation's own fields: the query planner's `_service { sdl }` and `_entities`, gateway-only. */
export const federationRules: FieldPermissions = { _service: isGatewaySigned, _entities: isGatewaySigned };
const federationTypes: SubgraphPermissions = { _Service: isGatewaySigned };

/**
 * The subgraph schema with the rules applied. Unlisted fields are denied; errors a resolver throws on
 * purpose (extensions.code) reach the client as they are; a rule that throws by accident is masked
 * as FORBIDDEN rather than leaking its message.
 */
export function applyPermissions(schema: GraphQLSchema, permissions: SubgraphPermissions): GraphQLSchema {
  const present = schema.getTypeMap();
  const applicable = Object.fromEntries(Object.entries(federationTypes).filter(([type]) => type in present));
  const middleware = shield(
    { ...applicable, ...permissions },
    {
      fallbackRule: deny,
      allowExternalErrors: true,
      fallbackError: () => new ForbiddenError('Not allowed'),
    },
  );
  return applyMiddleware(schema, middleware);
}
