import { codeOf, startLearning, viewer, type LearningHarness } from './testHarness';

// The one rule of platform/auth/access: another user's learning records answer NOT_FOUND (they used to
// answer FORBIDDEN, which told a prober the user exists); admins may see them.
const RECORDS = `query($r: [_Any!]!) { _entities(representations: $r) {
  ... on User { id enrollments { status } certificates { code } } } }`;
const ONE = (field: string) =>
  `query($r: [_Any!]!) { _entities(representations: $r) { ... on User { ${field} { __typename } } } }`;

let learning: LearningHarness;
beforeAll(async () => {
  learning = await startLearning();
});
afterAll(async () => {
  await learning?.stop();
});

describe('another user’s enrolments and certificates', () => {
  const learner = viewer('LEARNER');
  const stranger = viewer('LEARNER');
  const r = [{ __typename: 'User', id: learner.userId }];

  it('answer NOT_FOUND to anyone else and are shown to the learner and to admins', async () => {
    for (const field of ['enrollments', 'certificates']) {
      expect(codeOf(await learning.run(ONE(field), { r }, stranger))).toBe('NOT_FOUND');
    }
    expect(codeOf(await learning.run(RECORDS, { r }, null))).toBe('UNAUTHENTICATED');

    const own = { _entities: [{ id: learner.userId, enrollments: [], certificates: [] }] };
    expect(await learning.run(RECORDS, { r }, learner)).toEqual({ data: own });
    expect(await learning.run(RECORDS, { r }, viewer('ADMIN'))).toEqual({ data: own });
  });
});
