import { useEffect, useRef, useState } from 'react';
import type { TrelloRules } from '../../lib/sites/trello/rules';
import { translate as t } from '../translate';
import { LockedNote, StatusLine, useStatus } from './parts';
import { MAX_HANDOFF_LISTS, parseHandoffLists } from './settings-edit';
import type { OptionsData, SaveSettings } from './use-options';

type RuleKey = Exclude<keyof TrelloRules, 'handoffLists'>;

const RULES: { key: RuleKey; label: () => string }[] = [
  { key: 'addOthers', label: () => t('optionsTrelloAddOthers') },
  { key: 'removeSelfWhileOthersStay', label: () => t('optionsTrelloRemoveSelf') },
  { key: 'joinSelf', label: () => t('optionsTrelloJoinSelf') },
  { key: 'removeOthers', label: () => t('optionsTrelloRemoveOthers') },
];

/** Which Trello card changes count as a handoff (issue 5's rules). */
export function TrelloSection({ data, save }: { data: OptionsData; save: SaveSettings }) {
  const locked = data.locked.includes('trello');
  const rules = data.settings.trello;
  const [status, say] = useStatus();
  const stored = rules.handoffLists.join('\n');
  const [lists, setLists] = useState(stored);
  const [editing, setEditing] = useState(false);
  // What was last sent: leaving the box and pressing the button right after save once.
  const sent = useRef(stored);

  // Follow storage (another tab, a policy) unless the person is typing here.
  useEffect(() => {
    if (!editing) setLists(stored);
  }, [stored, editing]);
  useEffect(() => {
    sent.current = stored;
  }, [stored]);

  async function saveRules(change: Partial<TrelloRules>) {
    const ok = await save({ trello: { ...data.local.trello, ...change } });
    say(ok ? t('optionsSaved') : t('optionsSaveFailed'), !ok);
  }

  async function commitLists() {
    setEditing(false);
    const handoffLists = parseHandoffLists(lists);
    const text = handoffLists.join('\n');
    setLists(text);
    if (text === sent.current) return;
    sent.current = text;
    await saveRules({ handoffLists });
  }

  return (
    <section aria-labelledby="trello-heading" className="card">
      <h2 id="trello-heading">{t('optionsTrelloTitle')}</h2>
      <p className="muted">{t('optionsTrelloIntro')}</p>
      {locked ? <LockedNote id="trello-locked" /> : null}
      <fieldset className="plain" disabled={locked} aria-describedby={locked ? 'trello-locked' : undefined}>
        <div className="checks">
          {RULES.map((rule) => (
            <div className="check" key={rule.key}>
              <input
                type="checkbox"
                id={`trello-${rule.key}`}
                checked={rules[rule.key]}
                onChange={(event) => void saveRules({ [rule.key]: event.target.checked })}
              />
              <label htmlFor={`trello-${rule.key}`}>{rule.label()}</label>
            </div>
          ))}
        </div>
        <div className="field">
          <label htmlFor="trello-lists">{t('optionsTrelloLists')}</label>
          <textarea
            id="trello-lists"
            rows={4}
            value={lists}
            aria-describedby="trello-lists-hint"
            onFocus={() => setEditing(true)}
            onChange={(event) => setLists(event.target.value)}
            onBlur={() => void commitLists()}
          />
          <p className="hint" id="trello-lists-hint">
            {t('optionsTrelloListsHint', [String(MAX_HANDOFF_LISTS)])}
          </p>
          {/* Leaving the box saves too; the button is there for whoever looks for one. */}
          <div className="actions">
            <button type="button" onClick={() => void commitLists()}>
              {t('optionsTrelloListsSave')}
            </button>
          </div>
        </div>
      </fieldset>
      <StatusLine status={status} />
    </section>
  );
}
