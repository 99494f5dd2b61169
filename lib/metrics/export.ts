import type { MetricEvent } from './event';
import type { DayBucket } from './retention';

// Exported metrics, as text the options page offers for download. CSV follows RFC 4180 (CRLF line
// ends, fields with a comma, quote or line break quoted, quotes doubled) and is safe to open in a
// spreadsheet: any cell that starts like a formula (= + - @ tab CR) gets a leading ' so it stays text
// (OWASP "CSV injection"). Column names are the JSON field names: a data format, not UI text.

const EVENT_COLUMNS = [
  'id',
  'time',
  'site',
  'ticketKey',
  'url',
  'from',
  'to',
  'outcome',
  'reason',
  'skipReason',
  'fillMs',
  'fieldsFilled',
] as const;

/** Byte order mark: put it first when the file is meant for Excel, which otherwise misreads UTF-8 (e.g. Korean). */
export const UTF8_BOM = '\uFEFF';

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/** One CSV field: neutralised against formula injection, then quoted when RFC 4180 requires it. */
export function csvCell(value: string | number | undefined | null): string {
  if (value === undefined || value === null) return '';
  let text = String(value);
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

function csvRow(cells: readonly (string | number | undefined | null)[]): string {
  return cells.map(csvCell).join(',');
}

export function eventsToCsv(events: readonly MetricEvent[], options: { bom?: boolean } = {}): string {
  const lines = [csvRow(EVENT_COLUMNS)];
  for (const event of events) {
    lines.push(
      csvRow([
        event.id,
        new Date(event.at).toISOString(),
        event.site,
        event.ticketKey,
        event.url,
        event.from,
        event.to,
        event.outcome,
        event.reason,
        event.skipReason,
        event.fillMs,
        event.fieldsFilled,
      ]),
    );
  }
  return `${options.bom ? UTF8_BOM : ''}${lines.join('\r\n')}\r\n`;
}

const METRICS_EXPORT_FORMAT = 'baton-metrics';

export interface MetricsExport {
  format: typeof METRICS_EXPORT_FORMAT;
  version: 1;
  exportedAt: string;
  events: MetricEvent[];
  buckets: DayBucket[];
}

export function eventsToJson(
  events: readonly MetricEvent[],
  buckets: readonly DayBucket[] = [],
  exportedAt = Date.now(),
): string {
  const document: MetricsExport = {
    format: METRICS_EXPORT_FORMAT,
    version: 1,
    exportedAt: new Date(exportedAt).toISOString(),
    events: [...events],
    buckets: [...buckets],
  };
  return JSON.stringify(document, null, 2);
}
