// How a checklist frame loaded ahead of time learns which hold it shows: never from what its parent
// posts (the host page can post to the frame as well as the content script can). Instead:
// 1. Once loaded, the frame asks the background for its own frame id and tells its parent (READY). The
//    content script believes that only from its own frame element's window at Baton's own origin,
//    which a page cannot fake, and names that frame when it opens a hold (hold:open).
// 2. The background hands the hold it opens to the frame the content script named (hold:yours, sent
//    to that frame only). The content script also pokes the frame (SHOW), which carries nothing; a
//    frame handed nothing a moment later asks the background for the hold opened for its tab and frame
//    (hold:mine). A poke from the page finds none, and the frame stays as it was, ready for the real one.
// 3. When the hold changed (the page finished reading its context), the content script pokes the frame
//    again (CHANGED, carrying nothing either), and the frame asks for its hold again.
// 4. Once a request that ended the hold has its answer, the frame tells its parent (SETTLED), so that a
//    closed frame can go (checklist-frame.ts).

const SHOW = 'baton:checklist-show';
const READY = 'baton:checklist-frame';
const SETTLED = 'baton:checklist-settled';
const CHANGED = 'baton:checklist-changed';
/**
 * The background hands a frame its hold unasked as it opens it, within milliseconds of the poke; the
 * frame asks itself only when that has not come by then. Asked at once, the question and its answer
 * (the whole hold, read again) went through the frame while it drew the dialog.
 */
export const ASK_AFTER_MS = 100;

export function showMessage(): { baton: typeof SHOW } {
  return { baton: SHOW };
}

export function changedMessage(): { baton: typeof CHANGED } {
  return { baton: CHANGED };
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

/** In the checklist page: calls back on each poke of this kind from the frame's parent, until the signal aborts. */
function whenPoked(
  win: Window,
  kind: typeof SHOW | typeof CHANGED,
  signal: AbortSignal | undefined,
  poked: () => void,
): void {
  win.addEventListener(
    'message',
    (event) => {
      const data: unknown = event.data;
      if (event.source === win.parent && (data as { baton?: unknown } | null)?.baton === kind) poked();
    },
    signal ? { signal } : {},
  );
}

/** What the checklist page asks the background: its own frame id, and the hold opened for its tab and frame. */
export interface FrameBackground<Hold> {
  frameId(): Promise<number>;
  holdFor(): Promise<Hold | null>;
  /** Calls back with the hold the background hands this frame unasked, as it opens it. */
  handed(take: (hold: Hold) => void): void;
}

/** Asks one question at a time: a call while it is being asked asks again once it is answered. */
function oneAtATime<T>(question: () => Promise<T>, answered: (answer: T, askedAgain: () => boolean) => void) {
  let asking = false;
  let pokedAgain = false;
  const ask = () => {
    if (asking) {
      pokedAgain = true;
      return;
    }
    asking = true;
    void question().then((answer) => {
      asking = false;
      answered(answer, () => {
        if (!pokedAgain) return false;
        pokedAgain = false;
        ask();
        return true;
      });
    });
  };
  return ask;
}

/**
 * In the checklist page: reports the frame ready to its parent, then shows the hold the background
 * hands it, or, handed nothing a moment after a poke, asks the background for this frame's hold, and
 * calls back once with it (`show`); after that, each CHANGED poke asks again
 * (`update`), and so does one that came while the hold was being shown (its answer may predate the
 * change). A poke while asking is asked again after a miss: the background may not have the hold yet
 * when the frame is first poked.
 */
export function learnHold<Hold>(
  win: Window,
  background: FrameBackground<Hold>,
  show: (hold: Hold) => void,
  update: (hold: Hold) => void,
): void {
  const shown = new AbortController();
  const holdFor = () => background.holdFor().catch(() => null);
  let changedUnseen = false;
  const askAgain = oneAtATime(holdFor, (again, askedAgain) => {
    if (!askedAgain() && again) update(again);
  });
  const first = (hold: Hold) => {
    shown.abort();
    show(hold);
    if (changedUnseen) askAgain();
  };
  const ask = oneAtATime(holdFor, (hold, askAgainAfterMiss) => {
    if (shown.signal.aborted) return;
    if (hold) first(hold);
    else askAgainAfterMiss();
  });
  background.handed((hold) => {
    if (!shown.signal.aborted) first(hold);
  });
  whenPoked(win, SHOW, shown.signal, () =>
    setTimeout(() => {
      if (!shown.signal.aborted) ask();
    }, ASK_AFTER_MS),
  );
  whenPoked(win, CHANGED, undefined, () => {
    if (shown.signal.aborted) askAgain();
    else changedUnseen = true;
  });
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
