import { useEffect, useState } from 'react';
import type { ReceivedRecord } from '../../lib/receiver/records';
import { receivedItem } from '../../lib/storage/received';

/** The handoffs the user received, read from storage and followed as the background records more. */
export function useReceived(): ReceivedRecord[] | null {
  const [records, setRecords] = useState<ReceivedRecord[] | null>(null);
  useEffect(() => {
    let live = true;
    void receivedItem.get().then((loaded) => {
      if (live) setRecords(loaded);
    });
    const stop = receivedItem.watch(setRecords);
    return () => {
      live = false;
      stop();
    };
  }, []);
  return records;
}
