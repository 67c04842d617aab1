import type { Admin } from 'kafkajs';
import type { ConsumerLagRow } from '../telemetry/metrics';

/**
 * Lag per (group, topic, partition) = the partition's end offset minus the group's committed offset,
 * read from the broker at scrape time: a consumer that is stuck or gone still shows its lag growing,
 * which per-batch figures from the consumer itself would not. A group with no commit yet counts from
 * the partition's first offset (it consumes from the beginning).
 */
export async function consumerLag(
  admin: Admin,
  subscribed: Map<string, Set<string>>,
  physical: (name: string) => string,
): Promise<ConsumerLagRow[]> {
  const ends = new Map<string, Map<number, { low: number; high: number }>>();
  async function endsOf(topic: string) {
    let known = ends.get(topic);
    if (!known) {
      const offsets = await admin.fetchTopicOffsets(physical(topic));
      known = new Map(offsets.map((o) => [o.partition, { low: Number(o.low), high: Number(o.high) }]));
      ends.set(topic, known);
    }
    return known;
  }
  const rows: ConsumerLagRow[] = [];
  for (const [group, topics] of subscribed) {
    const logical = new Map([...topics].map((topic) => [physical(topic), topic]));
    const committed = await admin.fetchOffsets({ groupId: physical(group), topics: [...logical.keys()] });
    for (const entry of committed) {
      const topic = logical.get(entry.topic);
      if (!topic) continue;
      const partitionEnds = await endsOf(topic);
      for (const { partition, offset } of entry.partitions) {
        const end = partitionEnds.get(partition);
        if (!end) continue;
        const from = Number(offset) < 0 ? end.low : Number(offset);
        rows.push({ group, topic, partition, lag: Math.max(0, end.high - from) });
      }
    }
  }
  return rows;
}
