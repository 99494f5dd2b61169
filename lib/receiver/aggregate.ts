import type { ReceivedRecord } from './records';

// The popup's figures about handoffs received. Pure: records in, numbers out.

export interface ReceivedFigures {
  received: number;
  acknowledged: number;
  /** Median seconds from the handoff comment to the acknowledgement; null with none acknowledged. */
  medianAckSeconds: number | null;
  /** Received, never acknowledged, and handed on again: the receiver's side of a hot potato. */
  passedOnUnacknowledged: number;
}

function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? 0)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

export function aggregateReceived(records: readonly ReceivedRecord[]): ReceivedFigures {
  const acked = records.filter((record) => record.ackAt !== undefined);
  // A host's clock may run ahead of this computer's: a negative wait counts as none.
  const waits = acked.map((record) => Math.max(0, ((record.ackAt ?? 0) - record.handoffAt) / 1000));
  const medianWait = median(waits);
  return {
    received: records.length,
    acknowledged: acked.length,
    medianAckSeconds: medianWait === null ? null : Math.round(medianWait),
    passedOnUnacknowledged: records.filter(
      (record) => record.ackAt === undefined && record.passedOnAt !== undefined,
    ).length,
  };
}
