/** A reference to an entity another subgraph owns: only its key travels. */
export interface EntityRef {
  id: string;
}
