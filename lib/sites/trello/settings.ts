import * as z from 'zod/mini';
import { DEFAULT_TRELLO_RULES } from './rules';

// Trello's handoff rules as the settings store them, declared by the Trello site record and composed into
// the settings by lib/storage/settings.ts. Every key has a default, so rules stored by an older version
// stay valid. The content scripts' plain copy of this check is parseTrelloRules in rules.ts.
// Built in a call marked pure so that the scripts on Trello's pages, which import the record for its
// match patterns and not this schema, do not bundle zod (docs/host-page-budget.md §3).

export const trelloRulesSchema = /* @__PURE__ */ (() =>
  z.object({
    addOthers: z._default(z.boolean(), DEFAULT_TRELLO_RULES.addOthers),
    removeSelfWhileOthersStay: z._default(z.boolean(), DEFAULT_TRELLO_RULES.removeSelfWhileOthersStay),
    joinSelf: z._default(z.boolean(), DEFAULT_TRELLO_RULES.joinSelf),
    removeOthers: z._default(z.boolean(), DEFAULT_TRELLO_RULES.removeOthers),
    handoffLists: z._default(z.array(z.string().check(z.maxLength(200))).check(z.maxLength(50)), []),
  }))();
