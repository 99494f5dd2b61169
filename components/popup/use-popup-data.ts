import { useEffect, useState } from 'react';
import { storage } from 'wxt/utils/storage';
import { figures } from '../../lib/metrics/summary';
import { healthItem, outboxItem } from '../../lib/storage/items';
import { KEYS } from '../../lib/storage/keys';
import { afterPaint } from '../after-paint';
import { loadHistory, loadPopupData, type PopupData, parseBuckets, parseDigest } from './popup-data';

/**
 * Everything the popup shows. The first render has what the main figures need, as soon as storage
 * answers; the whole log follows once those figures are on screen (DESIGN.md §9 gives them 200 ms with
 * 50,000 events stored). Afterwards each part follows its own storage changes. `first` lets the
 * entrypoint start the reads before React has even rendered once.
 */
export function usePopupData(first?: Promise<PopupData>): PopupData | null {
  const [data, setData] = useState<PopupData | null>(null);

  useEffect(() => {
    let live = true;
    // What changed while the first read was under way is newer than what it read (e.g. a handoff
    // recorded just as the popup opened): kept, and laid over it.
    let changedMeanwhile: Partial<PopupData> = {};
    const update = (change: Partial<PopupData>) => {
      changedMeanwhile = { ...changedMeanwhile, ...change };
      setData((current) => (current ? { ...current, ...change } : current));
    };
    void (first ?? loadPopupData()).then((loaded) => {
      if (live) setData((current) => current ?? { ...loaded, ...changedMeanwhile });
    });
    const stops = [
      storage.watch<unknown>(KEYS.eventDigest, (digest) => {
        const events = parseDigest(digest);
        if (events) update({ figures: figures(events, Date.now()), events });
      }),
      storage.watch<unknown>(KEYS.eventBuckets, (buckets) => update({ buckets: parseBuckets(buckets) })),
      outboxItem.watch((outbox) => update({ outbox })),
      healthItem.watch((health) => update({ health })),
    ];
    return () => {
      live = false;
      for (const stop of stops) stop();
    };
  }, [first]);

  const partial = data !== null && !data.complete;
  useEffect(() => {
    if (!partial) return;
    let live = true;
    const cancel = afterPaint(() => {
      void loadHistory().then((history) => {
        if (live) setData((current) => (current ? { ...current, ...history } : current));
      });
    });
    return () => {
      live = false;
      cancel();
    };
  }, [partial]);

  return data;
}
