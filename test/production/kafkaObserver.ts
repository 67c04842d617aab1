import { AssignerProtocol, Kafka, logLevel } from 'kafkajs';
import { kafkaBrokers } from '../support/env';
import { releasedAfterFile } from '../support/resources';

const kafka = () =>
  new Kafka({
    clientId: 'production-shape-observer',
    brokers: kafkaBrokers.split(','),
    logLevel: logLevel.NOTHING,
  });

/**
 * Every message on one of a deployment's topics (under its namespace), with its event id and partition,
 * read by a consumer group of the observer's own from the beginning.
 */
export async function observeTopic(namespace: string, topic: string) {
  const messages: { eventId: string; partition: number }[] = [];
  const consumer = kafka().consumer({ groupId: `${namespace}.observer-${topic}`, maxWaitTimeInMs: 500 });
  const stop = releasedAfterFile(`Kafka observer of ${namespace}.${topic}`, () => consumer.disconnect());
  await consumer.connect();
  await consumer.subscribe({ topics: [`${namespace}.${topic}`], fromBeginning: true });
  await consumer.run({
    eachMessage: async ({ message, partition }) => {
      messages.push({ eventId: String(message.headers?.['event-id'] ?? ''), partition });
    },
  });
  return { messages, stop };
}

/** Which member (by Kafka client id) of a deployment's consumer group holds each partition of `topic`. */
export async function partitionOwners(
  namespace: string,
  groupId: string,
  topic: string,
): Promise<Map<number, string>> {
  const admin = kafka().admin();
  await admin.connect();
  try {
    const { groups } = await admin.describeGroups([`${namespace}.${groupId}`]);
    const owners = new Map<number, string>();
    for (const member of groups[0]?.members ?? []) {
      const assignment = AssignerProtocol.MemberAssignment.decode(member.memberAssignment);
      for (const partition of assignment?.assignment[`${namespace}.${topic}`] ?? [])
        owners.set(partition, member.clientId);
    }
    return owners;
  } finally {
    await admin.disconnect();
  }
}
