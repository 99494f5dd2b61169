import { firstGraphemes, graphemeLength } from './graphemes';
import type { Summary } from './summary';

// Hosts cap a comment's length (Jira Cloud: 32,767 characters). A summary over the cap is cut, the
// longest answers first, and says so in a note line, so it always posts and never silently loses text
// without saying how much.

/** Cut text ends with this, so a reader sees it was cut. */
export const CUT_MARK = ' […]';

export interface FitOptions {
  limit: number;
  /** The length as the host counts it, of the summary rendered for that host. */
  measure: (summary: Summary) => number;
  /** The note added to a cut summary, given how many characters were cut. */
  note: (cut: number) => string;
}

export function fitSummary(summary: Summary, { limit, measure, note }: FitOptions): Summary {
  if (measure(summary) <= limit) return summary;
  let fitted: Summary = structuredClone(summary);
  let cut = 0;
  for (let round = 0; round < 50; round += 1) {
    const withNote: Summary = { ...fitted, notes: [...(fitted.notes ?? []), note(cut)] };
    const excess = measure(withNote) - limit;
    if (excess <= 0) return withNote;
    const longest = fitted.items
      .map((item, index) => ({ index, length: item.value.kind === 'text' ? item.value.text.length : 0 }))
      .sort((a, b) => b.length - a.length)[0];
    if (!longest || longest.length === 0) return withNote;
    const item = fitted.items[longest.index];
    if (item?.value.kind !== 'text') return withNote;
    const length = graphemeLength(item.value.text);
    // Escaping can make a character cost more than one; cutting a little extra converges in few rounds.
    const keep = Math.max(0, length - Math.ceil(excess * 1.1) - CUT_MARK.length - 16);
    cut += length - keep;
    const text = firstGraphemes(item.value.text, keep).trimEnd() + CUT_MARK;
    fitted = {
      ...fitted,
      items: fitted.items.map((it, i) =>
        i === longest.index ? { ...it, value: { kind: 'text', text } } : it,
      ),
    };
  }
  return { ...fitted, notes: [...(fitted.notes ?? []), note(cut)] };
}
