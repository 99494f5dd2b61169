import { browser } from 'wxt/browser';
import type { CustomHost } from '../storage/settings';

// Custom hosts (Jira Data Center, Zendesk host-mapped domains): the options page asks for the origin's
// permission, then the same content scripts the built-in hosts get are registered for it here, and
// removed with it. Registrations are derived from the settings, so this can run again at any time.

const PREFIX = 'custom-host:';

function scriptsFor(host: CustomHost): Parameters<typeof browser.scripting.registerContentScripts>[0] {
  const id = `${PREFIX}${host.site}:${host.origin}`;
  const matches = [`${host.origin}/*`];
  return [
    {
      id: `${id}:main`,
      matches,
      js: [`content-scripts/${host.site}-main.js`],
      runAt: 'document_start',
      world: 'MAIN',
    },
    { id, matches, js: [`content-scripts/${host.site}.js`], runAt: 'document_start' },
  ];
}

export async function syncCustomHosts(hosts: readonly CustomHost[]): Promise<void> {
  const granted: CustomHost[] = [];
  for (const host of hosts) {
    if (await browser.permissions.contains({ origins: [`${host.origin}/*`] })) granted.push(host);
  }
  const wanted = granted.flatMap(scriptsFor);
  const registered = (await browser.scripting.getRegisteredContentScripts()).filter((s) =>
    s.id.startsWith(PREFIX),
  );
  const stale = registered
    .filter((script) => !wanted.some((w) => w.id === script.id))
    .map((script) => script.id);
  if (stale.length > 0) await browser.scripting.unregisterContentScripts({ ids: stale });
  const missing = wanted.filter((script) => !registered.some((r) => r.id === script.id));
  if (missing.length > 0) await browser.scripting.registerContentScripts(missing);
}

/** Gives back the permission of hosts no longer in the settings, so Baton keeps only what it uses. */
export async function releaseRemovedHosts(
  before: readonly CustomHost[],
  after: readonly CustomHost[],
): Promise<void> {
  const removed = before.filter((host) => !after.some((h) => h.origin === host.origin));
  if (removed.length > 0)
    await browser.permissions.remove({ origins: removed.map((host) => `${host.origin}/*`) });
}
