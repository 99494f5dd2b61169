// @vitest-environment happy-dom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { loadPopupData, type PopupData } from '../../../components/popup/popup-data';
import { usePopupData } from '../../../components/popup/use-popup-data';
import { encodeDigest, encodeWeek } from '../../../lib/metrics/digest';
import { WEEK_MS } from '../../../lib/metrics/summary';
import { digestItem, figureDigestItem } from '../../../lib/storage/items';
import { metricEvent } from '../metrics/events';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let root: Root | null = null;
let seen: PopupData | null = null;

function Probe({ first }: { first: Promise<PopupData> }) {
  seen = usePopupData(first);
  return null;
}

beforeEach(() => {
  fakeBrowser.reset();
  seen = null;
  root = createRoot(document.createElement('div'));
});
afterEach(() => act(() => root?.unmount()));

describe('the popup’s data', () => {
  it('keeps a handoff recorded while its first read was under way', async () => {
    const before = [metricEvent(Date.now() - 60_000)];
    await digestItem.set(encodeDigest(before));
    await figureDigestItem.set(encodeWeek(before, Date.now(), WEEK_MS));
    let answer: (data: PopupData) => void = () => undefined;
    const first = new Promise<PopupData>((resolve) => {
      answer = resolve;
    });
    const read = await loadPopupData();
    await act(async () => root?.render(<Probe first={first} />));

    // The background records a handoff after the popup read, before that read reached the page.
    const after = [...before, metricEvent(Date.now())];
    await act(() => digestItem.set(encodeDigest(after)));
    await act(async () => answer(read));
    expect(seen?.events.count).toBe(2);
    expect(seen?.figures.guarded).toBe(2);
  });
});
