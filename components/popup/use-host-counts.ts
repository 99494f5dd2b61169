import { useEffect, useState } from 'react';
import type { HostCount } from '../../lib/history/ticket-history';
import { hostCountsItem } from '../../lib/storage/items';

/**
 * The hosts' own counts for tickets Baton has seen, followed as the background records more; read only
 * once `wanted` (the list that shows them is on screen), so that the read never delays the main figures.
 */
export function useHostCounts(wanted: boolean): HostCount[] {
  const [counts, setCounts] = useState<HostCount[]>([]);
  useEffect(() => {
    if (!wanted) return;
    let live = true;
    void hostCountsItem.get().then((loaded) => {
      if (live) setCounts(Object.values(loaded));
    });
    const stop = hostCountsItem.watch((value) => setCounts(Object.values(value)));
    return () => {
      live = false;
      stop();
    };
  }, [wanted]);
  return counts;
}
