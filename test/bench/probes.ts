// Scripts that run inside the browser. They are plain strings, not functions: tsx compiles this
// project with esbuild's keepNames, which would wrap a serialized function in a `__name` helper that does
// not exist in the page. Every probe writes timestamps where they happen (in the page or the frame), and
// the end of a click's measure is pushed to Node (reports.ts), so that nothing calls into the browser
// while it is measured. Epoch milliseconds
// (performance.timeOrigin + performance.now()) are used to compare a page with a frame in another process.

/**
 * In a host page: the timestamp of the last pointermove (the mouse arriving on the element, just before
 * the press: Playwright's mouse.click moves first), and when the first frame after a click was painted
 * (requestAnimationFrame, then a task after it, i.e. once the frame is produced), then reported.
 */
export const PAGE_PROBE = `(() => {
  if (window.__benchPage) return;
  const probe = { pointer: 0, clicked: 0, painted: 0, generation: 0 };
  window.__benchPage = probe;
  const epoch = () => performance.timeOrigin + performance.now();
  // Frozen once the click is seen, so a synthetic move after a layout change cannot replace it.
  window.addEventListener('pointermove', (e) => { if (!probe.clicked) probe.pointer = performance.timeOrigin + e.timeStamp; }, true);
  window.addEventListener('click', () => {
    const generation = probe.generation;
    probe.clicked = epoch();
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      // A frame requested by an earlier click (while the action was prepared) must not count.
      channel.port1.onmessage = () => {
        if (probe.generation !== generation) return;
        probe.painted = epoch();
        if (typeof window.__benchReport === 'function') window.__benchReport({ kind: 'page-painted', pointer: probe.pointer, painted: probe.painted });
      };
      channel.port2.postMessage(0);
    });
  });
})()`;

/** Resolves once the page has produced two frames: it is in front and painting at the display's rate. */
export const SHOWN_PROBE = `new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))`;

export const RESET_PAGE_PROBE = `(() => { const p = window.__benchPage; if (p) { p.generation++; p.pointer = 0; p.clicked = 0; p.painted = 0; } })()`;

/**
 * In every checklist frame (an init script of the Baton browser): when the dialog is first open and not
 * hidden in the frame's DOM (MutationObserver; a frame loaded ahead draws it hidden while it waits), the
 * next animation frame, and a task after that frame (painted, then reported with the rest); plus
 * the frame's own milestones for a breakdown, and the last pointermove (for the Complete click).
 */
export const CHECKLIST_FRAME_PROBE = `(() => {
  if (location.protocol !== 'chrome-extension:' || !location.pathname.endsWith('/checklist.html')) return;
  const epoch = () => performance.timeOrigin + performance.now();
  const probe = { origin: performance.timeOrigin, documentStart: epoch(), domContentLoaded: 0, dialogInDom: 0, dialogRaf: 0, dialogPainted: 0, fadeInEnd: 0, pointer: 0 };
  window.__benchFrame = probe;
  document.addEventListener('DOMContentLoaded', () => { probe.domContentLoaded = epoch(); });
  window.addEventListener('pointermove', (e) => { probe.pointer = performance.timeOrigin + e.timeStamp; }, true);
  // The press in the frame (Complete handoff) is reported out at once: the frame may be gone before
  // anyone could read it. __benchReport is a Playwright binding of the bench.
  window.addEventListener('pointerdown', () => {
    if (typeof window.__benchReport === 'function') window.__benchReport({ kind: 'frame-press', pointer: probe.pointer, url: location.href });
  }, true);
  const observer = new MutationObserver(() => {
    const dialog = document.querySelector('dialog[open]');
    if (!dialog || probe.dialogInDom || getComputedStyle(dialog).visibility !== 'visible') return;
    probe.dialogInDom = epoch();
    observer.disconnect();
    // The dialog fades in (CSS animation): when it ends, the dialog is fully opaque.
    dialog.addEventListener('animationend', () => { if (!probe.fadeInEnd) probe.fadeInEnd = epoch(); });
    requestAnimationFrame(() => {
      probe.dialogRaf = epoch();
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        probe.dialogPainted = epoch();
        if (typeof window.__benchReport === 'function') window.__benchReport({ kind: 'frame-painted', ...probe });
      };
      channel.port2.postMessage(0);
    });
  });
  observer.observe(document, { childList: true, subtree: true, attributes: true });
})()`;

/**
 * In the popup (an init script of the Baton browser): when the Handoffs figure (<output> labelled
 * "Handoffs", role status) first has a value, its next animation frame and the task after it, in ms from
 * the popup's navigation start (performance.timeOrigin), then reported.
 */
export const POPUP_PROBE = `(() => {
  if (location.protocol !== 'chrome-extension:' || !location.pathname.endsWith('/popup.html')) return;
  const probe = { documentStart: performance.now(), figureInDom: 0, figureRaf: 0, figurePainted: 0, value: null };
  window.__benchPopup = probe;
  const observer = new MutationObserver(() => {
    if (probe.figureInDom) return;
    const output = document.querySelector('output[aria-labelledby="figure-handoffs-label"]');
    const text = output && output.textContent ? output.textContent.trim() : '';
    if (!text) return;
    probe.figureInDom = performance.now();
    probe.value = text;
    observer.disconnect();
    requestAnimationFrame(() => {
      probe.figureRaf = performance.now();
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        probe.figurePainted = performance.now();
        if (typeof window.__benchReport === 'function') window.__benchReport({ kind: 'popup-painted' });
      };
      channel.port2.postMessage(0);
    });
  });
  observer.observe(document, { childList: true, subtree: true, characterData: true });
})()`;

/**
 * Times the synchronous part of `n` fetch() calls to a non-reassign URL. The requests are then
 * abandoned (window.stop()): their network part is not what is measured, and 1,000 real round trips per
 * round would take seconds on this machine.
 */
export function fetchLoop(url: string, n: number): string {
  return `(() => {
    const url = ${JSON.stringify(url)};
    const pending = new Array(${n});
    const start = performance.now();
    for (let i = 0; i < ${n}; i++) pending[i] = fetch(url);
    const elapsed = performance.now() - start;
    window.stop();
    for (const p of pending) p.catch(() => {});
    return elapsed;
  })()`;
}

/** Times the synchronous part of `n` XMLHttpRequest open+send calls; then aborts them. */
export function xhrLoop(url: string, n: number): string {
  return `(() => {
    const url = ${JSON.stringify(url)};
    const requests = new Array(${n});
    const start = performance.now();
    for (let i = 0; i < ${n}; i++) {
      const xhr = new XMLHttpRequest();
      xhr.open('GET', url);
      xhr.send();
      requests[i] = xhr;
    }
    const elapsed = performance.now() - start;
    for (const xhr of requests) xhr.abort();
    return elapsed;
  })()`;
}

/**
 * Installed before any page script (page.addInitScript runs before Baton's document_start scripts):
 * fetch and XMLHttpRequest.prototype.open/send replaced by stubs that only count. Baton's MAIN-world
 * script then wraps the stubs, so the same loop with and without Baton differs by the wrapper alone,
 * without the browser's own per-request cost (about 0.2 ms here, varying by more than the budget).
 */
export const NATIVE_STUBS = `(() => {
  const calls = { fetch: 0, open: 0, send: 0 };
  const answer = Promise.resolve(undefined);
  const stubFetch = function fetch() { calls.fetch++; return answer; };
  window.fetch = stubFetch;
  XMLHttpRequest.prototype.open = function open() { calls.open++; };
  XMLHttpRequest.prototype.send = function send() { calls.send++; };
  window.__benchStubs = { calls, fetch: stubFetch };
})()`;

/** With NATIVE_STUBS: whether fetch is wrapped, and that calls still reach the stubs. */
export function stubCheck(url: string): string {
  return `(() => {
    const stubs = window.__benchStubs;
    if (!stubs) return { installed: false };
    const before = { ...stubs.calls };
    fetch(${JSON.stringify(url)});
    const xhr = new XMLHttpRequest();
    xhr.open('GET', ${JSON.stringify(url)});
    xhr.send();
    return {
      installed: true,
      fetchWrapped: window.fetch !== stubs.fetch,
      reached: stubs.calls.fetch === before.fetch + 1 && stubs.calls.open === before.open + 1 && stubs.calls.send === before.send + 1,
    };
  })()`;
}

/** The same loops against the stubs; `n` calls per timing (the stubs are too fast for 1,000 to be timed). */
export function stubLoop(kind: 'fetch' | 'xhr', url: string, n: number): string {
  const body =
    kind === 'fetch' ? 'fetch(url);' : 'const xhr = new XMLHttpRequest(); xhr.open("GET", url); xhr.send();';
  return `(() => {
    const url = ${JSON.stringify(url)};
    const start = performance.now();
    for (let i = 0; i < ${n}; i++) { ${body} }
    return performance.now() - start;
  })()`;
}

/**
 * A host page that grows its DOM like a long activity feed: `items` items of 5 elements each, appended in
 * batches every ~15 ms (10,000 elements over about 3 s), while counting long tasks. Resolves after two
 * more frames with the long tasks seen (without the 80 ms calibration task it starts with).
 */
export function mutationStorm(containerSelector: string, items = 2000, ticks = 200, intervalMs = 15): string {
  return `(async () => {
    const container = document.querySelector(${JSON.stringify(containerSelector)}) || document.body;
    const feed = document.createElement('section');
    feed.setAttribute('data-bench', 'feed');
    container.append(feed);
    const longTasks = [];
    const observer = new PerformanceObserver((list) => { for (const e of list.getEntries()) longTasks.push(e.duration); });
    observer.observe({ type: 'longtask' });
    // Calibration: one deliberate 80 ms task, so a count of 0 can be told from an observer that sees nothing.
    await new Promise((resolve) => setTimeout(() => { const end = performance.now() + 80; while (performance.now() < end); resolve(); }, 0));
    const perTick = Math.ceil(${items} / ${ticks});
    let made = 0;
    const start = performance.now();
    await new Promise((resolve) => {
      const tick = () => {
        const batch = document.createDocumentFragment();
        for (let i = 0; i < perTick && made < ${items}; i++, made++) {
          const item = document.createElement('div');
          item.className = 'activity-item';
          item.setAttribute('data-testid', 'activity-item-' + made);
          const avatar = document.createElement('span');
          avatar.className = 'avatar';
          const who = document.createElement('a');
          who.href = '#user-' + (made % 7);
          who.textContent = ['Alice Park', 'Bob Chen', 'Chloé Dubois'][made % 3];
          const text = document.createElement('p');
          text.textContent = 'Updated the status of item ' + made + ' and left a note about the customer.';
          const time = document.createElement('time');
          time.textContent = made + ' minutes ago';
          item.append(avatar, who, text, time);
          batch.append(item);
        }
        feed.append(batch);
        if (made < ${items}) setTimeout(tick, ${intervalMs}); else resolve();
      };
      tick();
    });
    const elapsed = performance.now() - start;
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    for (const e of observer.takeRecords()) longTasks.push(e.duration);
    observer.disconnect();
    const calibration = longTasks.findIndex((d) => d >= 80);
    const calibrated = calibration >= 0;
    if (calibrated) longTasks.splice(calibration, 1);
    return { elapsed, elements: feed.querySelectorAll('*').length, longTasks, calibrated };
  })()`;
}
