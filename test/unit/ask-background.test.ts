import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ASK_PORT, answerAsks, askBackground } from '../../lib/ask-background';
import { answerAsksWith, portPair } from './support/ask-port';

// A request to the background goes over a port of its own, so that no other Baton page (the checklist
// frames waiting in every open host tab) is woken by it, and comes back with the background's answer.

const fromTab = {
  id: fakeBrowser.runtime.id,
  tab: { id: 4 },
  frameId: 0,
  url: 'https://acme.atlassian.net/',
};

afterEach(() => {
  vi.restoreAllMocks();
});

describe('askBackground', () => {
  it('gets the answer of the background, which knows who asked, and nothing else hears the request', async () => {
    const broadcast = vi.spyOn(fakeBrowser.runtime, 'sendMessage');
    const heard: unknown[] = [];
    answerAsksWith((message) => {
      heard.push(message);
      return Promise.resolve({ ok: true, tab: fromTab.tab.id });
    }, fromTab);
    await expect(askBackground({ type: 'hold:done', holdId: 'h1' })).resolves.toEqual({ ok: true, tab: 4 });
    expect(heard).toEqual([{ type: 'hold:done', holdId: 'h1' }]);
    expect(broadcast).not.toHaveBeenCalled();
  });

  it('gets an answer that is nothing as nothing', async () => {
    answerAsksWith(() => Promise.resolve(undefined));
    await expect(askBackground({ type: 'hold:off', holdId: 'h1' })).resolves.toBeUndefined();
  });

  it('fails when the background takes no such request', async () => {
    answerAsksWith(() => undefined);
    await expect(askBackground({ type: 'nonsense' })).rejects.toThrow();
  });

  it('fails when the background fails to answer', async () => {
    answerAsksWith(() => Promise.reject(new Error('storage is full')));
    await expect(askBackground({ type: 'draft:save' })).rejects.toThrow();
  });

  it('fails, without throwing at the caller, when the extension is gone', async () => {
    vi.spyOn(fakeBrowser.runtime, 'connect').mockImplementation(() => {
      throw new Error('Extension context invalidated.');
    });
    await expect(askBackground({ type: 'hold:done', holdId: 'h1' })).rejects.toThrow(/invalidated/);
  });
});

describe('answerAsks', () => {
  it('answers each request with the sender the port came from', async () => {
    const [page, background] = portPair(ASK_PORT, fromTab);
    const seen: unknown[] = [];
    answerAsks(background as never, (message, sender) => {
      seen.push([message, sender]);
      return Promise.resolve('yes');
    });
    const answers: unknown[] = [];
    page.onMessage.addListener(((reply: unknown) => answers.push(reply)) as never);
    page.postMessage({ type: 'hold:mine' });
    await vi.waitFor(() => expect(answers).toEqual([{ answer: 'yes' }]));
    expect(seen).toEqual([[{ type: 'hold:mine' }, fromTab]]);
  });

  it('leaves ports of another name alone', async () => {
    const [page, background] = portPair('something-else', fromTab);
    const answer = vi.fn(() => Promise.resolve('yes'));
    answerAsks(background as never, answer);
    page.postMessage({ type: 'hold:mine' });
    await Promise.resolve();
    await Promise.resolve();
    expect(answer).not.toHaveBeenCalled();
  });

  it('does not throw when the page that asked has gone before its answer', async () => {
    const [page, background] = portPair(ASK_PORT, fromTab);
    let answer: (value: unknown) => void = () => undefined;
    answerAsks(background as never, () => new Promise((resolve) => (answer = resolve)));
    page.postMessage({ type: 'hold:mine' });
    await Promise.resolve();
    await Promise.resolve();
    page.disconnect();
    answer('late');
    // An unhandled rejection here would fail the run.
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
});
