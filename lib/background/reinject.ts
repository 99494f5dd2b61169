import { browser } from 'wxt/browser';

// Chrome updates an extension while its tabs stay open, and leaves the old content scripts there cut
// off from it: without this, every open host tab would be unguarded until the user reloads it. So after
// an update the same scripts go into those tabs again: the isolated guard first (its listener must be
// there when the MAIN-world net hands its port over), then the net. The old guard notices the new one
// start, finds its extension gone, and stands down (lib/guard/guard.ts); the old net then lets every
// request through to the new one.

/** Paths of Baton's own built scripts, as the manifest and the registrations name them. */
type Files = NonNullable<Parameters<typeof browser.scripting.executeScript>[0]['files']>;

interface ScriptSet {
  matches: string[];
  js: Files;
  world: 'MAIN' | 'ISOLATED';
}

function fromManifest(): ScriptSet[] {
  return (browser.runtime.getManifest().content_scripts ?? []).map((script) => ({
    matches: script.matches ?? [],
    js: (script.js ?? []) as Files,
    world: (script as { world?: string }).world === 'MAIN' ? 'MAIN' : 'ISOLATED',
  }));
}

/** Custom hosts' scripts (custom-hosts.ts) are registered at runtime, not in the manifest. */
async function registered(): Promise<ScriptSet[]> {
  return (await browser.scripting.getRegisteredContentScripts()).map((script) => ({
    matches: script.matches ?? [],
    js: (script.js ?? []) as Files,
    world: script.world === 'MAIN' ? 'MAIN' : 'ISOLATED',
  }));
}

/** Puts Baton's host-page scripts into every open tab they are meant for. */
export async function guardOpenTabs(): Promise<void> {
  const sets = [...fromManifest(), ...(await registered())].filter(
    (set) => set.matches.length > 0 && set.js.length > 0,
  );
  const byTab = new Map<number, ScriptSet[]>();
  for (const set of sets) {
    for (const tab of await browser.tabs.query({ url: set.matches })) {
      // A tab still loading gets the new scripts from the browser itself, at document_start.
      if (tab.id === undefined || tab.discarded || tab.status !== 'complete') continue;
      byTab.set(tab.id, [...(byTab.get(tab.id) ?? []), set]);
    }
  }
  await Promise.all(
    [...byTab].map(async ([tabId, scripts]) => {
      const ordered = [...scripts].sort((a, b) => Number(a.world === 'MAIN') - Number(b.world === 'MAIN'));
      for (const set of ordered) {
        // A tab that closed, crashed or navigated meanwhile gets its scripts the ordinary way.
        await browser.scripting
          .executeScript({ target: { tabId }, files: set.js, world: set.world })
          .catch(() => undefined);
      }
    }),
  );
}
