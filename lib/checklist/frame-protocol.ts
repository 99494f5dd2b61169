// How a checklist frame loaded ahead of time learns which hold it shows: never from what its parent
// posts (the host page can post to the frame as well as the content script can). Instead:
// 1. Once loaded, the frame asks the background for its own frame id and tells its parent (READY). The
//    content script believes that only from its own frame element's window at Baton's own origin,
//    which a page cannot fake, and names that frame when it opens a hold (hold:open).
// 2. When a hold is shown the content script pokes the frame (SHOW), which carries nothing. The frame
//    then asks the background for the hold opened for its tab and frame (hold:mine). A poke from the
//    page finds none, and the frame stays as it was, ready for the real one.
// 3. Once a request that ended the hold has its answer, the frame tells its parent (SETTLED), so that a
//    closed frame can go (checklist-frame.ts).

const SHOW = 'baton:checklist-show';
const READY = 'baton:checklist-frame';
const SETTLED = 'baton:checklist-settled';

export function showMessage(): { baton: typeof SHOW } {
  return { baton: SHOW };
}

export function readyMessage(frameId: number): { baton: typeof READY; frameId: number } {
  return { baton: READY, frameId };
}

/** The frame id a ready message names; null for any other message. */
export function readyFrameId(data: unknown): number | null {
  if (typeof data !== 'object' || data === null) return null;
  const { baton, frameId } = data as { baton?: unknown; frameId?: unknown };
  return baton === READY && typeof frameId === 'number' && Number.isInteger(frameId) && frameId > 0
    ? frameId
    : null;
}

/** In the checklist page: calls back on each poke from the frame's parent, until the signal aborts. */
export function whenPoked(win: Window, signal: AbortSignal, poked: () => void): void {
  win.addEventListener(
    'message',
    (event) => {
      const data: unknown = event.data;
      if (event.source === win.parent && (data as { baton?: unknown } | null)?.baton === SHOW) poked();
    },
    { signal },
  );
}

/** What the checklist page asks the background: its own frame id, and the hold opened for its tab and frame. */
export interface FrameBackground {
  frameId(): Promise<number>;
  holdFor(): Promise<string | null>;
}

/**
 * In the checklist page: reports the frame ready to its parent, then on each poke asks the background
 * for this frame's hold, and calls back once with it. A poke while asking is asked again after a miss:
 * the background may not have the hold yet when the frame is first poked.
 */
export function learnHold(win: Window, background: FrameBackground, show: (holdId: string) => void): void {
  const shown = new AbortController();
  let asking = false;
  let pokedAgain = false;
  const ask = () => {
    if (asking) {
      pokedAgain = true;
      return;
    }
    asking = true;
    void background
      .holdFor()
      .catch(() => null)
      .then((holdId) => {
        asking = false;
        if (shown.signal.aborted) return;
        if (holdId) {
          shown.abort();
          show(holdId);
        } else if (pokedAgain) {
          pokedAgain = false;
          ask();
        }
      });
  };
  whenPoked(win, shown.signal, ask);
  void background.frameId().then(
    (frameId) => win.parent.postMessage(readyMessage(frameId), '*'),
    () => undefined,
  );
}

export function settledMessage(): { baton: typeof SETTLED } {
  return { baton: SETTLED };
}

export function isSettledMessage(data: unknown): boolean {
  return typeof data === 'object' && data !== null && (data as { baton?: unknown }).baton === SETTLED;
}

/**
 * In the checklist page: its requests to the background. Once a request that can end the hold and every
 * request still waiting (drafts saved as the user typed) have their answers, the parent is told.
 */
export function pageRequests(win: Window) {
  const waiting = new Set<Promise<unknown>>();
  const tracked = <T>(request: Promise<T>): Promise<T> => {
    waiting.add(request);
    const answered = () => waiting.delete(request);
    request.then(answered, answered);
    return request;
  };
  const tellWhenAllAnswered = async () => {
    while (waiting.size > 0) await Promise.allSettled([...waiting]);
    win.parent.postMessage(settledMessage(), '*');
  };
  const ending = <T>(request: Promise<T>): Promise<T> => {
    tracked(request).then(tellWhenAllAnswered, tellWhenAllAnswered);
    return request;
  };
  return { tracked, ending };
}
