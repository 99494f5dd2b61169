import { describe, expect, it } from 'vitest';
import { aggregateReceived } from '../../../lib/receiver/aggregate';
import type { ReceivedRecord } from '../../../lib/receiver/records';

const base = { site: 'jira', origin: 'https://acme.atlassian.net', ticketKey: 'ACME-1', seenAt: 0 };
const record = (id: string, handoffAt: number, extra: Partial<ReceivedRecord> = {}): ReceivedRecord => ({
  ...base,
  handoffId: id,
  handoffAt,
  ...extra,
});

describe('figures about handoffs received', () => {
  it('counts received, acknowledged, median wait and passed on without acknowledging', () => {
    const figures = aggregateReceived([
      record('a', 0, { ackAt: 60_000 }),
      record('b', 0, { ackAt: 180_000 }),
      record('c', 0, { ackAt: 600_000, passedOnAt: 700_000 }),
      record('d', 0, { passedOnAt: 10 }),
      record('e', 0),
    ]);
    expect(figures).toEqual({
      received: 5,
      acknowledged: 3,
      medianAckSeconds: 180,
      passedOnUnacknowledged: 1,
    });
  });

  it('has no median without acknowledgements, and no negative waits from a host clock ahead', () => {
    expect(aggregateReceived([]).medianAckSeconds).toBeNull();
    expect(
      aggregateReceived([record('a', 10_000, { ackAt: 5000 }), record('b', 0, { ackAt: 20_000 })])
        .medianAckSeconds,
    ).toBe(10);
  });
});
