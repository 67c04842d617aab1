import { randomUUID } from 'node:crypto';
import { createTestDatabase, type TestDatabase } from '../../test/support/database';
import { testLogger } from '../../test/support/env';
import { createEventRetention } from './retention';

describe('outbox and inbox retention', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase();
  });

  afterAll(async () => {
    await db.drop();
  });

  it('deletes published outbox rows and inbox rows past retention, and nothing else', async () => {
    const ago = (days: number) => new Date(Date.now() - days * 86_400_000);
    const outboxRow = (publishedAt: Date | null) => ({
      topic: 'test.retention',
      key: 'k',
      type: 'Test',
      payload: {},
      publishedAt,
    });
    const kept = await db.prisma.signalsOutboxEvent.createManyAndReturn({
      data: [outboxRow(ago(1)), outboxRow(null), { ...outboxRow(null), createdAt: ago(30) }],
    });
    await db.prisma.signalsOutboxEvent.createMany({ data: [outboxRow(ago(8)), outboxRow(ago(30))] });
    const recentInbox = randomUUID();
    await db.prisma.signalsInboxEvent.createMany({
      data: [
        { consumer: 'c', eventId: recentInbox, processedAt: ago(13) },
        { consumer: 'c', eventId: randomUUID(), processedAt: ago(15) },
        { consumer: 'c', eventId: randomUUID(), processedAt: ago(40) },
      ],
    });

    // A batch of 1 makes the sweep loop over several statements.
    const retention = createEventRetention({
      prisma: db.prisma,
      domain: 'signals',
      logger: testLogger,
      batchSize: 1,
    });
    expect(await retention.sweep()).toEqual({ outbox: 2, inbox: 2 });

    const outboxLeft = await db.prisma.signalsOutboxEvent.findMany({ where: { topic: 'test.retention' } });
    expect(outboxLeft.map((row) => row.id).sort()).toEqual(kept.map((row) => row.id).sort());
    const inboxLeft = await db.prisma.signalsInboxEvent.findMany({ where: { consumer: 'c' } });
    expect(inboxLeft.map((row) => row.eventId)).toEqual([recentInbox]);
    expect(await retention.sweep()).toEqual({ outbox: 0, inbox: 0 });
  });
});
