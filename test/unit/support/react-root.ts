import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach } from 'vitest';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

/** A React root in a container of its own for each test of the file, unmounted and removed after it. */
export function reactRoot(): { readonly root: Root; readonly container: HTMLElement } {
  let root: Root | null = null;
  let container: HTMLElement | null = null;
  beforeEach(() => {
    container = document.createElement('div');
    document.body.append(container);
    root = createRoot(container);
  });
  afterEach(() => {
    act(() => root?.unmount());
    container?.remove();
  });
  return {
    get root() {
      if (!root) throw new Error('no React root outside a test');
      return root;
    },
    get container() {
      if (!container) throw new Error('no container outside a test');
      return container;
    },
  };
}
