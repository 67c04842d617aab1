import { DateTimeScalar } from '../../../platform/scalars';
import type { Resolvers } from '../generated/resolvers-types';
import { createMutationResolvers } from './Mutation';
import { createQueryResolvers } from './Query';
import type { IdentityServices } from './services';
import { createUserResolvers, kycSubmissionResolvers, profileResolvers, sessionResolvers } from './User';

export function createIdentityResolvers(services: IdentityServices): Resolvers {
  return {
    DateTime: DateTimeScalar,
    Query: createQueryResolvers(services),
    Mutation: createMutationResolvers(services),
    User: createUserResolvers(services),
    Session: sessionResolvers,
    Profile: profileResolvers,
    KycSubmission: kycSubmissionResolvers,
  };
}
