// How the content script tells a checklist frame loaded ahead of time which hold it shows: one
// postMessage to the frame, once. And how the frame tells the content script that a request it sent
// the background has its answer, so that a closed frame can go (checklist-frame.ts). A host page can post to the frame as well, but it learns nothing new
// that way (the frame element, its URL and the hold id were always in the page's DOM), and whatever the
// frame shows is only what the background gives it for this tab.

const SHOW = 'baton:checklist-show';
const SETTLED = 'baton:checklist-settled';

export function showMessage(holdId: string): { baton: typeof SHOW; holdId: string } {
  return { baton: SHOW, holdId };
}

/** The hold id a show message names; null for any other message. */
export function shownHoldId(data: unknown): string | null {
  if (typeof data !== 'object' || data === null) return null;
  const { baton, holdId } = data as { baton?: unknown; holdId?: unknown };
  return baton === SHOW && typeof holdId === 'string' && holdId !== '' && holdId.length <= 100
    ? holdId
    : null;
}

/** In the checklist page: calls back once, with the hold the frame's parent asks it to show. */
export function whenShown(win: Window, show: (holdId: string) => void): void {
  const onMessage = (event: MessageEvent) => {
    const holdId = event.source === win.parent ? shownHoldId(event.data) : null;
    if (!holdId) return;
    win.removeEventListener('message', onMessage);
    show(holdId);
  };
  win.addEventListener('message', onMessage);
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
