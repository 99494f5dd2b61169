import { type FormEvent, useCallback, useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { CUSTOM_HOST_SITES, SITES } from '../../lib/sites/registry';
import type { CustomHost } from '../../lib/storage/settings';
import { translate as t } from '../translate';
import { focusSoon, LockedNote, StatusLine, useStatus } from './parts';
import { type HostProblem, parseHostOrigin } from './settings-edit';
import type { OptionsData, SaveSettings } from './use-options';

// Jira Data Center and Zendesk host-mapped domains. Baton may run on such an origin only once the
// browser has granted it (optional host permissions, asked here); the background then registers the
// site's content scripts there, and gives the permission back when the host is removed.

type HostSite = CustomHost['site'];

const pattern = (origin: string) => `${origin}/*`;

function problemText(problem: HostProblem): string {
  switch (problem) {
    case 'invalid':
      return t('optionsHostInvalid');
    case 'not_https':
      return t('optionsHostNotHttps');
    case 'built_in':
      return t('optionsHostBuiltIn');
    case 'duplicate':
      return t('optionsHostDuplicate');
  }
}

/** Which hosts' permission the browser holds now; kept current when it is granted or taken back elsewhere. */
function useGranted(hosts: readonly CustomHost[]): Record<string, boolean> {
  const [granted, setGranted] = useState<Record<string, boolean>>({});
  const origins = hosts.map((host) => host.origin).join('\n');
  const check = useCallback(async () => {
    const entries = await Promise.all(
      origins
        .split('\n')
        .filter(Boolean)
        .map(async (origin) => {
          try {
            return [origin, await browser.permissions.contains({ origins: [pattern(origin)] })] as const;
          } catch {
            return [origin, false] as const;
          }
        }),
    );
    setGranted(Object.fromEntries(entries));
  }, [origins]);
  useEffect(() => {
    void check();
    const onChange = () => void check();
    try {
      browser.permissions.onAdded.addListener(onChange);
      browser.permissions.onRemoved.addListener(onChange);
    } catch {
      // No permission events (a test double): the state is read once.
    }
    return () => {
      try {
        browser.permissions.onAdded.removeListener(onChange);
        browser.permissions.onRemoved.removeListener(onChange);
      } catch {
        // As above.
      }
    };
  }, [check]);
  return granted;
}

export function HostsSection({ data, save }: { data: OptionsData; save: SaveSettings }) {
  const locked = data.locked.includes('customHosts');
  const hosts = data.settings.customHosts;
  const granted = useGranted(hosts);
  const [url, setUrl] = useState('');
  const [site, setSite] = useState<HostSite>(CUSTOM_HOST_SITES[0] ?? 'jira');
  const [inputError, setInputError] = useState<string | null>(null);
  const [status, say] = useStatus();

  // Called straight from the submit (a user gesture): the browser shows its permission prompt only then.
  function add(event: FormEvent) {
    event.preventDefault();
    const parsed = parseHostOrigin(url, data.local.customHosts);
    if (!parsed.ok) {
      setInputError(problemText(parsed.problem));
      focusSoon('host-url');
      return;
    }
    setInputError(null);
    const { origin } = parsed;
    let asked: Promise<boolean>;
    try {
      asked = browser.permissions.request({ origins: [pattern(origin)] });
    } catch {
      asked = Promise.resolve(false);
    }
    void asked
      .catch(() => false)
      .then(async (yes) => {
        if (!yes) {
          say(t('optionsHostDenied', [origin]), true);
          return;
        }
        const ok = await save({ customHosts: [...data.local.customHosts, { origin, site }] });
        if (ok) {
          setUrl('');
          say(t('optionsHostAdded', [origin, SITES[site].name]));
        } else say(t('optionsSaveFailed'), true);
      });
  }

  function grant(host: CustomHost) {
    void browser.permissions
      .request({ origins: [pattern(host.origin)] })
      .catch(() => false)
      .then(async (yes) => {
        if (!yes) return say(t('optionsHostDenied', [host.origin]), true);
        // Saving again makes the background register the scripts for the host now allowed.
        const ok = await save({ customHosts: [...data.local.customHosts] });
        say(ok ? t('optionsHostGranted', [host.origin]) : t('optionsSaveFailed'), !ok);
      });
  }

  async function remove(host: CustomHost, index: number) {
    const ok = await save({ customHosts: data.local.customHosts.filter((h) => h.origin !== host.origin) });
    say(ok ? t('optionsHostRemoved', [host.origin]) : t('optionsSaveFailed'), !ok);
    if (ok) focusSoon(hosts.length > 1 ? `host-remove-${Math.max(0, index - 1)}` : 'host-url');
  }

  return (
    <section aria-labelledby="hosts-heading" className="card">
      <h2 id="hosts-heading">{t('optionsHostsTitle')}</h2>
      <p className="muted">{t('optionsHostsIntro')}</p>
      {locked ? <LockedNote id="hosts-locked" /> : null}
      {hosts.length === 0 ? (
        <p className="none">{t('optionsHostsNone')}</p>
      ) : (
        <ul className="hosts" aria-labelledby="hosts-heading">
          {hosts.map((host, index) => (
            <li key={host.origin}>
              <span className="host-origin">{host.origin}</span>
              <span className="site">{SITES[host.site].name}</span>
              {granted[host.origin] ? (
                <span className="state ok">{t('optionsHostActive')}</span>
              ) : (
                <span className="state warn">{t('optionsHostNoPermission')}</span>
              )}
              <span className="actions">
                {/* Allowing access changes no setting: it stays possible for hosts a policy sets. */}
                {granted[host.origin] ? null : (
                  <button type="button" onClick={() => grant(host)}>
                    {t('optionsHostGrant')}
                  </button>
                )}
                <button
                  type="button"
                  id={`host-remove-${index}`}
                  disabled={locked}
                  aria-label={t('optionsHostRemoveNamed', [host.origin])}
                  onClick={() => void remove(host, index)}
                >
                  {t('optionsRemove')}
                </button>
              </span>
            </li>
          ))}
        </ul>
      )}
      <fieldset className="plain" disabled={locked} aria-describedby={locked ? 'hosts-locked' : undefined}>
        <form className="host-form" onSubmit={add} noValidate>
          <div className="field">
            <label htmlFor="host-url">{t('optionsHostUrl')}</label>
            <input
              id="host-url"
              type="url"
              inputMode="url"
              autoComplete="off"
              spellCheck={false}
              placeholder={t('optionsHostUrlPlaceholder')}
              value={url}
              aria-invalid={inputError ? true : undefined}
              aria-describedby={inputError ? 'host-url-hint host-url-error' : 'host-url-hint'}
              onChange={(event) => setUrl(event.target.value)}
            />
            <p className="hint" id="host-url-hint">
              {t('optionsHostUrlHint')}
            </p>
            {inputError ? (
              <p className="error" id="host-url-error" role="alert">
                {inputError}
              </p>
            ) : null}
          </div>
          <div className="field">
            <label htmlFor="host-site">{t('optionsHostSite')}</label>
            <select id="host-site" value={site} onChange={(event) => setSite(event.target.value as HostSite)}>
              {CUSTOM_HOST_SITES.map((id) => (
                <option key={id} value={id}>
                  {SITES[id].name}
                </option>
              ))}
            </select>
          </div>
          <div className="actions">
            <button type="submit" className="primary">
              {t('optionsHostAdd')}
            </button>
          </div>
        </form>
      </fieldset>
      <StatusLine status={status} />
    </section>
  );
}
