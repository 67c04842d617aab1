import { startProductionShape, withProcessOutput, type ProductionShape } from './harness';
import { PRODUCTION_TUNING, killInTurn, shapeClient } from './killCycle';

// The production shape (./harness.ts) recovering from kill -9 of trading, billing and the gateway while
// traffic runs; users registered while billing or trading is down get their FREE plan and paper portfolio,
// once, when it is back (productionShape.test.ts kills the other subgraphs).
let shape: ProductionShape | undefined;
const client = shapeClient(() => shape!);

beforeAll(async () => {
  shape = await startProductionShape({ tuning: PRODUCTION_TUNING });
}, 170_000);

afterAll(async () => {
  await shape?.stop();
}, 60_000);

describe('the production shape recovering', () => {
  it(
    'survives kill -9 of trading, billing and the gateway in turn: readyz, SERVICE_UNAVAILABLE for that subgraph only, recovery, no event lost',
    () =>
      withProcessOutput(shape, async () => {
        const figures = await killInTurn(shape!, client, ['trading', 'billing', 'gateway']);
        expect(Object.keys(figures)).toEqual(['trading', 'billing', 'gateway']);
      }),
    150_000,
  );
});
