import { randomUUID } from 'node:crypto';
import { type Stack } from '../stack';
import { LearningEventTypes, LearningTopics, type CourseChangedPayload } from '../../platform/events/topics';
import { createSeededTestDatabase, type TestDatabase } from '../../test/support/database';
import { eventually } from '../../test/support/env';
import { expectData, loginHeaders } from '../../test/support/graphqlClient';
import { RESPONSE_CACHE_HEADER } from './responseCache';
import { startTestStack } from '../../test/support/testStack';

interface Catalog {
  courses: { edges: { node: { id: string; slug: string; title: string } }[] };
}
const catalogQuery = '{ courses(first: 3) { edges { node { id slug title } } } }';

// The whole stack with the response cache on, Redis and Kafka real: a course change reaches the
// gateway the way learning announces it, as `learning.course.changed` on the bus.
describe('gateway response cache', () => {
  let db: TestDatabase;
  let stack: Stack;
  let url: string;

  beforeAll(async () => {
    db = await createSeededTestDatabase();
    stack = await startTestStack(db, 'response-cache', {
      gatewayResponseCache: true,
    });
    url = stack.gatewayUrl;
  }, 120_000);

  afterAll(async () => {
    await stack?.stop();
    await stack?.infra.bus.stop();
    await db?.drop();
  });

  async function read<T>(query: string, headers: Record<string, string> = {}) {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query }),
    });
    const body = (await response.json()) as { data?: T; errors?: unknown[] };
    expect(body.errors).toBeUndefined();
    return { data: body.data!, cache: response.headers.get(RESPONSE_CACHE_HEADER) };
  }

  async function renameFirstCourse(): Promise<{ id: string; slug: string; title: string }> {
    const { data } = await read<Catalog>(catalogQuery);
    const course = data.courses.edges[0]!.node;
    const title = `Renamed ${randomUUID().slice(0, 8)}`;
    // Straight into learning's table: no event, so only the cache can explain an old title.
    await db.prisma.course.update({ where: { id: course.id }, data: { title } });
    return { ...course, title };
  }

  async function announce(course: { id: string; slug: string }): Promise<void> {
    await stack.infra.bus.publish([
      {
        id: randomUUID(),
        topic: LearningTopics.courseChanged,
        key: course.id,
        type: LearningEventTypes.courseChanged,
        payload: {
          courseId: course.id,
          slug: course.slug,
          change: 'UPDATED',
          status: 'PUBLISHED',
        } satisfies CourseChangedPayload,
        correlationId: null,
        occurredAt: new Date().toISOString(),
      },
    ]);
  }

  it('answers an anonymous catalog read from the cache until learning announces a course change', async () => {
    const first = await read<Catalog>(catalogQuery);
    const second = await read<Catalog>(catalogQuery);
    expect(second.cache).toBe('hit');
    expect(second.data).toEqual(first.data);

    const renamed = await renameFirstCourse();
    const stale = await read<Catalog>(catalogQuery);
    expect(stale.cache).toBe('hit');
    expect(stale.data.courses.edges.map((edge) => edge.node.title)).not.toContain(renamed.title);

    await announce(renamed);
    const fresh = await eventually(
      async () => {
        const result = await read<Catalog>(catalogQuery);
        return result.data.courses.edges.some((edge) => edge.node.title === renamed.title)
          ? result
          : undefined;
      },
      20_000,
      'the renamed course after learning.course.changed',
    );
    expect(fresh.cache).toBe('miss');
    expect((await read<Catalog>(catalogQuery)).cache).toBe('hit');
  }, 60_000);

  const login = (email: string) => loginHeaders(url, email);

  it('drops cached pages when an instructor edits a course through the gateway', async () => {
    const cached = (await read<Catalog>(catalogQuery)).data.courses.edges[0]!.node;
    expect((await read<Catalog>(catalogQuery)).cache).toBe('hit');
    const title = `Edited ${randomUUID().slice(0, 8)}`;
    await expectData(
      url,
      'mutation($id: ID!, $input: UpdateCourseInput!) { updateCourse(id: $id, input: $input) { id title } }',
      { id: cached.id, input: { title } },
      await login('instructor@demo.test'),
    );
    // learning's outbox → Kafka → this gateway's consumer: eventually, never a stale page forever.
    await eventually(
      async () => {
        const { data } = await read<Catalog>(catalogQuery);
        return data.courses.edges.some((edge) => edge.node.title === title) ? true : undefined;
      },
      20_000,
      'the edited title in the anonymous catalog',
    );
  }, 60_000);

  it("never caches a signed-in caller's read", async () => {
    const auth = await login('premium@demo.test');
    await read<Catalog>(catalogQuery);
    const renamed = await renameFirstCourse();

    const signedIn = await read<Catalog>(catalogQuery, auth);
    expect(signedIn.cache).toBeNull();
    expect(signedIn.data.courses.edges.map((edge) => edge.node.title)).toContain(renamed.title);
    expect((await read<{ me: { email: string } }>('{ me { email } }', auth)).cache).toBeNull();
    await announce(renamed);
  }, 60_000);

  it('does not cache reads that need another subgraph, or anything but the catalog', async () => {
    const withInstructor = await read(
      '{ courses(first: 2) { edges { node { title instructor { name } } } } }',
    );
    expect(withInstructor.cache).toBeNull();
    expect((await read('{ plans { tier } }')).cache).toBeNull();
    const catalogWithId = await read('{ courses(first: 2) { edges { node { id instructor { id } } } } }');
    expect(catalogWithId.cache).toBe('miss');
  }, 60_000);
});
