import { type ReactNode, useEffect } from 'react';
import { uiLocale } from '../../lib/locale';
import type { SiteSettingKey } from '../../lib/storage/settings';
import { translate as t } from '../translate';
import { DataSection } from './data-section';
import { EnforcementSection } from './enforcement-section';
import { HostsSection } from './hosts-section';
import { ReceiverSection } from './receiver-section';
import { TemplatesSection } from './templates-section';
import { TrelloSection } from './trello-section';
import { type OptionsData, type SaveSettings, useOptions } from './use-options';

type SectionProps = { data: OptionsData; save: SaveSettings };

/** A section for each setting a site declares in its record: one it lacks does not compile. */
const SITE_SECTIONS: Record<
  SiteSettingKey,
  { label: () => string; Section: (props: SectionProps) => ReactNode }
> = { trello: { label: () => t('optionsTrelloTitle'), Section: TrelloSection } };
const siteSections = Object.entries(SITE_SECTIONS).map(([id, section]) => ({ id, ...section }));

const SECTIONS = [
  { id: 'templates', label: () => t('optionsTemplatesTitle') },
  { id: 'enforcement', label: () => t('optionsEnforcementTitle') },
  { id: 'receiver', label: () => t('optionsReceiverTitle') },
  ...siteSections,
  { id: 'hosts', label: () => t('optionsHostsTitle') },
  { id: 'data', label: () => t('optionsDataTitle') },
];

/** The page itself, given what storage holds: rendered directly in unit tests. */
function OptionsView({ data, saveSettings }: { data: OptionsData; saveSettings: SaveSettings }) {
  const locale = uiLocale();
  return (
    <>
      <header className="page-header">
        <h1>{t('optionsTitle')}</h1>
        <p className="muted">{t('optionsIntro')}</p>
        {data.locked.length > 0 ? <p className="policy-banner">{t('optionsPolicyBanner')}</p> : null}
        <nav aria-label={t('optionsNavLabel')}>
          <ul>
            {SECTIONS.map((section) => (
              <li key={section.id}>
                <a href={`#${section.id}`}>{section.label()}</a>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main>
        <div id="templates">
          <TemplatesSection data={data} save={saveSettings} locale={locale} />
        </div>
        <div id="enforcement">
          <EnforcementSection data={data} save={saveSettings} />
        </div>
        <div id="receiver">
          <ReceiverSection data={data} save={saveSettings} />
        </div>
        {siteSections.map(({ id, Section }) => (
          <div id={id} key={id}>
            <Section data={data} save={saveSettings} />
          </div>
        ))}
        <div id="hosts">
          <HostsSection data={data} save={saveSettings} />
        </div>
        <div id="data">
          <DataSection data={data} save={saveSettings} />
        </div>
      </main>
      <footer className="muted">{t('popupLocalOnly')}</footer>
    </>
  );
}

/** The options page: templates, enforcement, Trello rules, custom hosts and data (DESIGN.md §7). */
export function OptionsPage() {
  const { data, saveSettings } = useOptions();
  useEffect(() => {
    document.documentElement.lang = uiLocale();
    document.title = t('optionsTitle');
  }, []);
  if (!data) return null;
  return <OptionsView data={data} saveSettings={saveSettings} />;
}
