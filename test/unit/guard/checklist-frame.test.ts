// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { settledMessage } from '../../../lib/checklist/frame-protocol';
import { prepareChecklistFrame } from '../../../lib/guard/checklist-frame';

// A frame whose hold ended leaves the page's view at once, but stays in the DOM until its page has the
// answer it was waiting for: Firefox rejects, and logs as an error, an answer to a page already gone.

const frames = () => document.querySelectorAll('iframe');

/** A message to the host page as the frame's own page sends it. */
function fromFrame(frame: HTMLIFrameElement, data: unknown): void {
  window.dispatchEvent(new MessageEvent('message', { data, source: frame.contentWindow }));
}

describe('the checklist frame closing', () => {
  afterEach(() => {
    vi.useRealTimers();
    for (const frame of frames()) frame.remove();
  });

  it('hides the dialog at once and removes the frame once its page says its answer came', () => {
    const frame = prepareChecklistFrame('Handoff checklist');
    frame.show();
    expect(document.querySelector('iframe[data-baton="checklist"]')).not.toBeNull();
    frame.close();
    expect(document.querySelector('iframe[data-baton="checklist"]')).toBeNull();
    expect(frame.element.inert).toBe(true);
    expect(frame.element.getAttribute('aria-hidden')).toBe('true');
    expect(frame.element.isConnected).toBe(true);

    window.dispatchEvent(new MessageEvent('message', { data: settledMessage(), source: window }));
    expect(frame.element.isConnected).toBe(true);
    fromFrame(frame.element, { baton: 'something else' });
    expect(frame.element.isConnected).toBe(true);
    fromFrame(frame.element, settledMessage());
    expect(frame.element.isConnected).toBe(false);
  });

  it('removes the frame after a while when no answer is coming', () => {
    vi.useFakeTimers();
    const frame = prepareChecklistFrame('Handoff checklist');
    frame.show();
    frame.close();
    vi.advanceTimersByTime(9_000);
    expect(frame.element.isConnected).toBe(true);
    vi.advanceTimersByTime(1_000);
    expect(frame.element.isConnected).toBe(false);
  });
});
