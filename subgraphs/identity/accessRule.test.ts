import { randomUUID } from 'node:crypto';
import { codeOf, startIdentity, viewer, type IdentityHarness } from './testHarness';

// The one rule of platform/auth/access: another user asked for by id answers NOT_FOUND (it used to
// answer FORBIDDEN), like an id that does not exist; SUPPORT and ADMIN may look users up.
const USER = `query($id: ID!) { user(id: $id) { id roles } }`;

let identity: IdentityHarness;
beforeAll(async () => {
  identity = await startIdentity();
});
afterAll(async () => {
  await identity?.stop();
});

describe('user(id) for another user', () => {
  it('answers NOT_FOUND, the same as a missing id; the user and staff see the user', async () => {
    const owner = viewer('LEARNER');
    const user = await identity.createUser(owner);
    const stranger = viewer('LEARNER');

    const foreign = await identity.run(USER, { id: owner.userId }, stranger);
    expect(codeOf(foreign)).toBe('NOT_FOUND');
    expect(foreign.data).toEqual({ user: null });
    expect(codeOf(await identity.run(USER, { id: randomUUID() }, stranger))).toBe('NOT_FOUND');

    const shown = { user: { id: owner.userId, roles: user.roles } };
    expect((await identity.run(USER, { id: owner.userId }, owner)).data).toEqual(shown);
    expect((await identity.run(USER, { id: owner.userId }, viewer('SUPPORT'))).data).toEqual(shown);
    expect((await identity.run(USER, { id: owner.userId }, viewer('ADMIN'))).data).toEqual(shown);
  });
});
