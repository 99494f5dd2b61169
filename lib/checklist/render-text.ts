import { inertSummary } from './inert-text';
import type { Summary } from './summary';

/** Plain text for the clipboard: nothing is escaped, because nothing interprets it. */
export function renderText(summary: Summary): string {
  const s = inertSummary(summary);
  const blocks = [[s.heading, ...s.meta.map((m) => `${m.label}: ${m.value}`)].join('\n')];
  if (s.history) blocks.push(s.history);
  for (const item of s.items) {
    blocks.push(
      item.value.kind === 'text'
        ? `${item.label}: ${item.value.text}`
        : [`${item.label}:`, ...item.value.urls.map((url) => `- ${url}`)].join('\n'),
    );
  }
  blocks.push(...(s.notes ?? []), s.marker);
  return `${blocks.join('\n\n')}\n`;
}
