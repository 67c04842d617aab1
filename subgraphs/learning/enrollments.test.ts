import { randomUUID } from 'node:crypto';
import type { Course } from '../../platform/prisma/generated/client';
import { codeOf, startLearning, viewer, type Data, type LearningHarness } from './testHarness';
import { LearningTopics } from './topics';

const alice = viewer('LEARNER');
const bob = viewer('LEARNER');
const admin = viewer('ADMIN');
let learning: LearningHarness;
let free: Course;
let free2: Course;
let paid: Course;
let draft: Course;

const ENROLL = 'mutation($id: ID!) { enroll(courseId: $id) { id status createdAt course { id title } } }';
const ENROLLMENTS = `query($r: [_Any!]!) { _entities(representations: $r) {
  ... on User { id enrollments { status course { title } } } } }`;
const userRef = (id: string) => ({ __typename: 'User', id });

interface OutboxRow {
  topic: string;
  key: string;
  type: string;
  payload: Data;
  correlation_id: string;
}
const outboxRows = () =>
  learning.prisma.$queryRawUnsafe<OutboxRow[]>(
    'SELECT topic, key, type, payload, correlation_id FROM learning.outbox_event ORDER BY sequence',
  );

const create = (slug: string, priceMinor: bigint, published = true, createdAt = new Date()) =>
  learning.prisma.course.create({
    data: {
      slug,
      title: slug,
      summary: 's',
      level: 'BEGINNER',
      instructorId: randomUUID(),
      priceMinor,
      status: published ? 'PUBLISHED' : 'DRAFT',
      createdAt,
    },
  });

beforeAll(async () => {
  learning = await startLearning();
  free = await create('free', 0n);
  free2 = await create('free-2', 0n);
  paid = await create('paid', 499_900n);
  draft = await create('draft', 0n, false);
});

afterAll(async () => {
  await learning?.stop();
});

describe('Mutation.enroll', () => {
  it('needs a viewer', async () => {
    expect(codeOf(await learning.run(ENROLL, { id: free.id }))).toBe('UNAUTHENTICATED');
    expect(await learning.prisma.enrollment.count()).toBe(0);
  });

  it('enrols in a free course and commits the outbox event with it', async () => {
    const result = await learning.run<{ enroll: { id: string } }>(ENROLL, { id: free.id }, alice);
    expect(result.errors).toBeUndefined();
    expect(result.data!.enroll).toMatchObject({ status: 'ACTIVE', course: { id: free.id, title: 'free' } });
    const enrollmentId = result.data!.enroll.id;
    expect(await learning.prisma.enrollment.findUnique({ where: { id: enrollmentId } })).toMatchObject({
      userId: alice.userId,
      courseId: free.id,
    });
    expect(await outboxRows()).toEqual([
      {
        topic: LearningTopics.enrollmentCreated,
        key: free.id,
        type: 'EnrollmentCreated',
        payload: { enrollmentId, userId: alice.userId, courseId: free.id, source: 'FREE', paymentId: null },
        correlation_id: 'test-correlation-id',
      },
    ]);
  });

  it('refuses a second enrolment with CONFLICT, leaving one enrolment and one event', async () => {
    expect(codeOf(await learning.run(ENROLL, { id: free.id }, alice))).toBe('CONFLICT');
    expect(
      await learning.prisma.enrollment.count({ where: { userId: alice.userId, courseId: free.id } }),
    ).toBe(1);
    expect(await outboxRows()).toHaveLength(1);
  });

  it('sends paid courses to billing and writes nothing', async () => {
    const result = await learning.run(ENROLL, { id: paid.id }, alice);
    expect(codeOf(result)).toBe('PAYMENT_REQUIRED');
    expect(result.errors![0]!.message).toBe('Paid courses are purchased through billing');
    expect(await learning.prisma.enrollment.count({ where: { courseId: paid.id } })).toBe(0);
    expect(await outboxRows()).toHaveLength(1);
  });

  it.each([
    ['an unpublished', () => draft.id],
    ['an unknown', () => randomUUID()],
    ['a malformed', () => 'not-a-uuid'],
  ])('is NOT_FOUND for %s course id', async (_kind, id) => {
    expect(codeOf(await learning.run(ENROLL, { id: id() }, alice))).toBe('NOT_FOUND');
  });
});

describe('User.enrollments', () => {
  beforeAll(async () => {
    expect((await learning.run(ENROLL, { id: free2.id }, alice)).errors).toBeUndefined();
  });

  it('shows the viewer their own enrolments, newest first, through an entity reference', async () => {
    const result = await learning.run(ENROLLMENTS, { r: [userRef(alice.userId)] }, alice);
    expect(result.errors).toBeUndefined();
    expect(result.data!._entities).toEqual([
      {
        id: alice.userId,
        enrollments: [
          { status: 'ACTIVE', course: { title: 'free-2' } },
          { status: 'ACTIVE', course: { title: 'free' } },
        ],
      },
    ]);
  });

  it("lets admins see anyone's, in representation order", async () => {
    const result = await learning.run(
      ENROLLMENTS,
      { r: [userRef(bob.userId), userRef(alice.userId)] },
      admin,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!._entities).toEqual([
      { id: bob.userId, enrollments: [] },
      { id: alice.userId, enrollments: [expect.anything(), expect.anything()] },
    ]);
  });

  it.each([
    ['another user', bob, 'NOT_FOUND'],
    ['an anonymous caller', null, 'UNAUTHENTICATED'],
  ])('is hidden from %s (%s)', async (_who, as, code) => {
    expect(codeOf(await learning.run(ENROLLMENTS, { r: [userRef(alice.userId)] }, as))).toBe(code);
  });
});
