import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import { Domains } from '../platform/events/envelope';
import { subgraphDefaults, subgraphSdl } from '../platform/topology';

/** Composes the five subgraph schemas; throws with every composition error listed. */
export function composeSupergraph(): string {
  const result = composeServices(
    Domains.map((name) => ({
      name,
      typeDefs: parse(subgraphSdl(name)),
      // Default URLs only: the gateway overrides them from its configuration at run time.
      url: `http://localhost:${subgraphDefaults[name].port}/graphql`,
    })),
  );
  if (result.errors) {
    throw new Error(`Composition failed:\n${result.errors.map((error) => `  ${error.message}`).join('\n')}`);
  }
  return result.supergraphSdl;
}
