import { inertSummary } from './inert-text';
import type { Summary } from './summary';
import { parseHttpUrl, splitLines } from './url';

// For Zendesk's html_body. Every string in a Summary is untrusted, so all of it goes through escapeHtml().

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}

function multiline(text: string): string {
  return splitLines(text).map(escapeHtml).join('<br>');
}

function labelled(label: string, valueHtml: string): string {
  return `<p><strong>${escapeHtml(label)}:</strong>${valueHtml ? ` ${valueHtml}` : ''}</p>`;
}

function link(value: string): string {
  const url = parseHttpUrl(value);
  // The href is the parser's serialization, so it is percent-encoded; the text shows what the user typed.
  return url
    ? `<a href="${escapeHtml(url.href)}" rel="noreferrer noopener">${escapeHtml(value)}</a>`
    : escapeHtml(value);
}

export function renderHtml(summary: Summary): string {
  const s = inertSummary(summary);
  const html = [
    `<h3>${escapeHtml(s.heading)}</h3>`,
    ...s.meta.map((m) => labelled(m.label, escapeHtml(m.value))),
  ];
  if (s.history) html.push(`<p>${escapeHtml(s.history)}</p>`);
  for (const item of s.items) {
    if (item.value.kind === 'text') {
      html.push(labelled(item.label, multiline(item.value.text)));
    } else {
      html.push(
        labelled(item.label, ''),
        `<ul>${item.value.urls.map((u) => `<li>${link(u)}</li>`).join('')}</ul>`,
      );
    }
  }
  for (const note of s.notes ?? []) html.push(`<p><em>${escapeHtml(note)}</em></p>`);
  html.push(`<p>${escapeHtml(s.marker)}</p>`);
  return html.join('\n');
}
