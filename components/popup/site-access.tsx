import { useCallback, useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { type WithheldSite, withheldSites } from '../../lib/site-access';
import { translate as t } from '../translate';
import { siteName } from './site-name';

// A site whose access the user withheld: Baton says so and offers to ask the browser again. The
// request is made in the click itself, as permissions.request needs a user gesture.

const contains = (origins: string[]) => browser.permissions.contains({ origins });

export function SiteAccess() {
  const [withheld, setWithheld] = useState<WithheldSite[]>([]);
  const [refused, setRefused] = useState<string | null>(null);
  const check = useCallback(() => withheldSites(contains).then(setWithheld, () => setWithheld([])), []);

  useEffect(() => {
    void check();
  }, [check]);

  async function grant(entry: WithheldSite): Promise<void> {
    const granted = await browser.permissions.request({ origins: entry.origins }).catch(() => false);
    setRefused(granted ? null : entry.site);
    await check();
  }

  return (
    <>
      {withheld.map((entry) => {
        const name = siteName(entry.site);
        const headingId = `access-${entry.site}`;
        return (
          <section key={entry.site} className="warning" role="alert" aria-labelledby={headingId}>
            <h2 id={headingId}>{t('popupAccessTitle', [name])}</h2>
            <p>{t('popupAccessBody', [name])}</p>
            <div className="actions">
              <button type="button" className="primary" onClick={() => void grant(entry)}>
                {t('popupAccessGrant', [name])}
              </button>
            </div>
            {refused === entry.site ? <p className="note error">{t('popupAccessRefused')}</p> : null}
          </section>
        );
      })}
    </>
  );
}
