import { writeFileSync } from 'node:fs';
import { supergraphPath } from '../platform/topology';
import { composeSupergraph } from './composeSupergraph';

// npm run compose: writes the supergraph the gateway serves; it is checked in and CI fails when stale.
writeFileSync(supergraphPath, composeSupergraph());
process.stdout.write(`wrote ${supergraphPath}\n`);
