// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { whenFound } from '../../../lib/sites/dom';

// A replay waits for the host's widget: it goes on the moment the widget shows, and gives up in time.

afterEach(() => {
  vi.useRealTimers();
  document.body.innerHTML = '';
});

describe('whenFound', () => {
  it('answers at once with what is already there', async () => {
    document.body.innerHTML = '<input id="search">';
    await expect(whenFound(() => document.getElementById('search'), 1000)).resolves.toBeInstanceOf(
      HTMLInputElement,
    );
  });

  it('answers when the page shows it, without waiting for a clock', async () => {
    vi.useFakeTimers();
    const found = whenFound(() => document.querySelector('[role="option"]'), 5000);
    const option = document.createElement('div');
    option.setAttribute('role', 'option');
    document.body.append(option);
    // No timer is advanced: only the DOM change can answer.
    await expect(found).resolves.toBe(option);
  });

  it('answers null once the time is up and nothing showed', async () => {
    vi.useFakeTimers();
    const found = whenFound(() => document.querySelector('[role="option"]'), 1500);
    await vi.advanceTimersByTimeAsync(1500);
    await expect(found).resolves.toBeNull();
  });
});
