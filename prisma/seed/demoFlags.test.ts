// The development seed's rows say so in the API: courses, signals, signal sources and users carry
// isDemo, read through the subgraphs as the gateway would query them.
import { startAllSubgraphServers } from '../../test/support/allSubgraphs';
import { viewer } from '../../test/support/subgraphTest';
import { DEMO_ANALYST_NAME, demoUserIds } from './data';
import { seed } from './index';

let stack: Awaited<ReturnType<typeof startAllSubgraphServers>>;
beforeAll(async () => {
  stack = await startAllSubgraphServers();
  await seed(stack.db.prisma, { demoAccounts: true });
}, 180_000);
afterAll(() => stack?.stop());

it('flags demo courses, signals, the demo analyst source and demo users as isDemo', async () => {
  const premium = { ...viewer('LEARNER', 'TRADER'), tier: 'ENTERPRISE' as const };
  const courses = await stack.execute.learning(
    '{ courses(first: 50) { edges { node { isDemo } } } }',
    {},
    null,
  );
  expect(courses.errors).toBeUndefined();
  const courseFlags = (courses.data as { courses: { edges: { node: { isDemo: boolean } }[] } }).courses.edges;
  expect(courseFlags.length).toBeGreaterThan(0);
  expect(courseFlags.every((edge) => edge.node.isDemo)).toBe(true);

  const signals = await stack.execute.signals(
    '{ signals(first: 20) { edges { node { isDemo source { isDemo kind name } } } } signalSources { kind name isDemo } }',
    {},
    premium,
  );
  expect(signals.errors).toBeUndefined();
  const data = signals.data as {
    signals: { edges: { node: { isDemo: boolean } }[] };
    signalSources: { kind: string; name: string; isDemo: boolean }[];
  };
  expect(data.signals.edges.length).toBeGreaterThan(0);
  expect(data.signals.edges.every((edge) => edge.node.isDemo)).toBe(true);
  expect(data.signalSources.filter((s) => s.isDemo)).toEqual([
    { kind: 'ANALYST', name: DEMO_ANALYST_NAME, isDemo: true },
  ]);

  const users = await stack.execute.identity(
    'query($reps: [_Any!]!) { _entities(representations: $reps) { ... on User { name isDemo } } }',
    { reps: [{ __typename: 'User', id: demoUserIds.analyst }] },
    null,
  );
  expect(users.errors).toBeUndefined();
  expect(users.data).toEqual({ _entities: [{ name: DEMO_ANALYST_NAME, isDemo: true }] });
});
