// Re-performs a stopped user action on the same element, so the host app handles it with its own
// code. The guard ignores its own listeners while a replay runs (the dispatch is synchronous).

export function replayClick(target: Element): void {
  const rect = target.getBoundingClientRect();
  const init = {
    bubbles: true,
    cancelable: true,
    composed: true,
    clientX: rect.left + rect.width / 2,
    clientY: rect.top + rect.height / 2,
    button: 0,
    view: window,
  };
  target.dispatchEvent(
    new PointerEvent('pointerdown', { ...init, buttons: 1, pointerType: 'mouse', isPrimary: true }),
  );
  target.dispatchEvent(new MouseEvent('mousedown', { ...init, buttons: 1 }));
  target.dispatchEvent(new PointerEvent('pointerup', { ...init, pointerType: 'mouse', isPrimary: true }));
  target.dispatchEvent(new MouseEvent('mouseup', init));
  target.dispatchEvent(new MouseEvent('click', init));
}

export function replayKey(target: Element, original: KeyboardEvent): void {
  const init = {
    key: original.key,
    code: original.code,
    keyCode: original.keyCode,
    which: original.which,
    shiftKey: original.shiftKey,
    ctrlKey: original.ctrlKey,
    altKey: original.altKey,
    metaKey: original.metaKey,
    bubbles: true,
    cancelable: true,
    composed: true,
    view: window,
  };
  const into = target.isConnected ? target : document.body;
  into.dispatchEvent(new KeyboardEvent('keydown', init));
  into.dispatchEvent(new KeyboardEvent('keyup', init));
}
