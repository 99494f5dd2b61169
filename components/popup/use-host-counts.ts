import { useEffect, useState } from 'react';
import type { HostCount } from '../../lib/history/ticket-history';
import { hostCountsItem } from '../../lib/storage/items';

/** The hosts' own counts for tickets Baton has seen, followed as the background records more. */
export function useHostCounts(): HostCount[] {
  const [counts, setCounts] = useState<HostCount[]>([]);
  useEffect(() => {
    let live = true;
    void hostCountsItem.get().then((loaded) => {
      if (live) setCounts(Object.values(loaded));
    });
    const stop = hostCountsItem.watch((value) => setCounts(Object.values(value)));
    return () => {
      live = false;
      stop();
    };
  }, []);
  return counts;
}
