import { SITES, type SiteId } from '../../lib/sites/registry';
import { type Enforcement, enforcementFor, lockedFor } from '../../lib/storage/settings';
import { translate as t } from '../translate';
import { LockedNote, StatusLine, useStatus } from './parts';
import type { OptionsData, SaveSettings } from './use-options';

const LEVELS: { value: Enforcement; label: () => string; hint: () => string }[] = [
  { value: 'block', label: () => t('optionsEnforcementBlock'), hint: () => t('optionsEnforcementBlockHint') },
  {
    value: 'remind',
    label: () => t('optionsEnforcementRemind'),
    hint: () => t('optionsEnforcementRemindHint'),
  },
  { value: 'off', label: () => t('optionsEnforcementOff'), hint: () => t('optionsEnforcementOffHint') },
];

/** Per site: block (the default), remind (may be skipped with a reason) or off. */
export function EnforcementSection({ data, save }: { data: OptionsData; save: SaveSettings }) {
  // A policy locks the sites it names; the others stay the user's.
  const siteLocked = (site: SiteId) => lockedFor(data.policy, 'enforcement', site);
  const locked = (Object.keys(SITES) as SiteId[]).some(siteLocked);
  const [status, say] = useStatus();

  async function choose(site: SiteId, level: Enforcement) {
    const ok = await save({ enforcement: { ...data.local.enforcement, [site]: level } });
    say(ok ? t('optionsSaved') : t('optionsSaveFailed'), !ok);
  }

  return (
    <section aria-labelledby="enforcement-heading" className="card">
      <h2 id="enforcement-heading">{t('optionsEnforcementTitle')}</h2>
      <p className="muted">{t('optionsEnforcementIntro')}</p>
      {locked ? <LockedNote id="enforcement-locked" /> : null}
      <fieldset className="plain">
        <div className="sites">
          {(Object.keys(SITES) as SiteId[]).map((site) => {
            const current = enforcementFor(data.settings, site);
            const groupId = `enforcement-${site}`;
            return (
              <fieldset
                key={site}
                className="plain"
                disabled={siteLocked(site)}
                aria-describedby={siteLocked(site) ? 'enforcement-locked' : undefined}
              >
                <div role="radiogroup" aria-labelledby={`${groupId}-label`} className="radio-group">
                  <h3 id={`${groupId}-label`}>{SITES[site].name}</h3>
                  {LEVELS.map((level) => {
                    const id = `${groupId}-${level.value}`;
                    return (
                      <div className="radio" key={level.value}>
                        <input
                          type="radio"
                          id={id}
                          name={groupId}
                          value={level.value}
                          checked={current === level.value}
                          aria-describedby={`${id}-hint`}
                          onChange={() => void choose(site, level.value)}
                        />
                        <label htmlFor={id}>{level.label()}</label>
                        <p className="hint" id={`${id}-hint`}>
                          {level.hint()}
                        </p>
                      </div>
                    );
                  })}
                </div>
              </fieldset>
            );
          })}
        </div>
      </fieldset>
      <StatusLine status={status} />
    </section>
  );
}
