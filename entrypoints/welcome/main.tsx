import { createRoot } from 'react-dom/client';
import { browser } from 'wxt/browser';
import { translate as t } from '../../components/translate';
import './style.css';

// The first-run page, opened once after install (lib/background/welcome.ts): what Baton does, where,
// how to try it, and the way to its settings.
function WelcomePage() {
  return (
    <main aria-labelledby="welcome-title">
      <header className="hero">
        <img src={browser.runtime.getURL('/icon/128.png')} alt="" width={64} height={64} />
        <div>
          <h1 id="welcome-title">{t('welcomeTitle')}</h1>
          <p>{t('welcomeIntro')}</p>
        </div>
      </header>

      <section aria-labelledby="sites-title">
        <h2 id="sites-title">{t('welcomeSitesTitle')}</h2>
        <ul>
          <li>{t('welcomeSiteJira')}</li>
          <li>{t('welcomeSiteZendesk')}</li>
          <li>{t('welcomeSiteTrello')}</li>
        </ul>
        <p className="muted">{t('welcomeSitesCustom')}</p>
      </section>

      <section aria-labelledby="try-title">
        <h2 id="try-title">{t('welcomeTryTitle')}</h2>
        <ol>
          <li>{t('welcomeTryOpen')}</li>
          <li>{t('welcomeTryReassign')}</li>
          <li>{t('welcomeTryComplete')}</li>
        </ol>
        <p className="muted">{t('welcomeToolbar')}</p>
      </section>

      <section aria-labelledby="options-title">
        <h2 id="options-title">{t('welcomeOptionsTitle')}</h2>
        <p>{t('welcomeOptionsHint')}</p>
        <p>
          <a className="button" href={browser.runtime.getURL('/options.html')}>
            {t('welcomeOptionsLink')}
          </a>
        </p>
      </section>

      <p className="privacy">{t('welcomePrivacy')}</p>
    </main>
  );
}

document.documentElement.lang = browser.i18n.getUILanguage();
document.title = t('welcomeTitle');
const root = document.getElementById('root');
if (root) createRoot(root).render(<WelcomePage />);
