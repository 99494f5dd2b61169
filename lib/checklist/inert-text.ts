import type { Summary } from './summary';

// What a comment must never carry, whatever the user typed or pasted:
// - NUL and the other C0 controls but tab and line breaks, DEL and the C1 controls: a host may refuse a
//   NUL (then the outbox could never post the comment), and the others are invisible or reach the
//   receiver's terminal-like views (exports, copy) as garbage.
// - Bidi embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069): one of them reorders the
//   text after it, so "Next action: refund" can be made to read as something else than what it says.
// Kept on purpose: U+200E/U+200F (LRM/RLM) and U+061C (ALM). They are marks, not formatting: they only
// settle the direction of the neutral characters around them, cannot reverse a run, and right-to-left
// text typed by a person legitimately carries them.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
const NOT_TEXT = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;

/** The text without the characters above; tab, line feed and carriage return stay. */
export function inertText(text: string): string {
  return text.replace(NOT_TEXT, '');
}

/** Every string of a summary made inert; each renderer starts from this. */
export function inertSummary(s: Summary): Summary {
  return {
    ...s,
    heading: inertText(s.heading),
    meta: s.meta.map((m) => ({ ...m, label: inertText(m.label), value: inertText(m.value) })),
    items: s.items.map((item) => ({
      ...item,
      label: inertText(item.label),
      value:
        item.value.kind === 'text'
          ? { kind: 'text', text: inertText(item.value.text) }
          : { kind: 'links', urls: item.value.urls.map(inertText) },
    })),
    ...(s.notes ? { notes: s.notes.map(inertText) } : {}),
    marker: inertText(s.marker),
  };
}
