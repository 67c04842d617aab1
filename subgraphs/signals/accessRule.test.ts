import { randomUUID } from 'node:crypto';
import { startSignalsHarness, viewer, type Result, type SignalsHarness } from './testHarness';

// The one rule of platform/auth/access: another user's price alert asked for by id answers NOT_FOUND
// (it used to answer null), exactly like a missing id. Alerts are their owner's alone: no staff role.
const CREATE = `mutation { createPriceAlert(input: { symbol: "BTC-USDT", direction: ABOVE, price: "150.00" }) { id } }`;
const ALERT = `query($id: ID!) { priceAlert(id: $id) { id status } }`;
const codeOf = (result: Result<unknown>) => result.errors?.[0]?.extensions?.code;

let signals: SignalsHarness;
beforeAll(async () => {
  signals = await startSignalsHarness();
});
afterAll(async () => {
  await signals?.stop();
});

describe('another user’s price alert', () => {
  it('answers NOT_FOUND by id, the same as a missing id, and is shown to its owner', async () => {
    const owner = viewer('LEARNER');
    const created = await signals.run<{ createPriceAlert: { id: string } }>(CREATE, {}, owner);
    const id = created.data!.createPriceAlert.id;

    for (const other of [viewer('LEARNER'), viewer('ADMIN')]) {
      const foreign = await signals.run(ALERT, { id }, other);
      expect(codeOf(foreign)).toBe('NOT_FOUND');
      expect(foreign.data).toEqual({ priceAlert: null });
      expect(codeOf(await signals.run(ALERT, { id: randomUUID() }, other))).toBe('NOT_FOUND');
    }
    expect((await signals.run(ALERT, { id }, owner)).data).toEqual({ priceAlert: { id, status: 'ACTIVE' } });
  });
});
