import { describe, expect, it } from 'vitest';
import type { MetricEvent } from '../../../lib/metrics/event';
import { csvCell, eventsToCsv, eventsToJson, UTF8_BOM } from '../../../lib/metrics/export';
import type { DayBucket } from '../../../lib/metrics/retention';
import { metricEvent } from './events';

/** A small RFC 4180 reader, to check that what we write reads back cell for cell. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i] as string;
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      row.push(cell);
      cell = '';
    } else if (char === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i += 1;
    } else cell += char;
  }
  return rows;
}

describe('CSV cells', () => {
  it('quotes commas, quotes and line breaks (RFC 4180)', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('two\r\nlines')).toBe('"two\r\nlines"');
    expect(csvCell(undefined)).toBe('');
    expect(csvCell(42)).toBe('42');
  });

  it('neutralises cells that a spreadsheet would run as a formula', () => {
    expect(csvCell("=cmd|' /C calc'!A0")).toBe("'=cmd|' /C calc'!A0");
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('-2')).toBe("'-2");
    expect(csvCell('@SUM(1)')).toBe("'@SUM(1)");
    expect(csvCell('\t=1')).toBe("'\t=1");
    expect(csvCell('\r=1')).toBe('"\'\r=1"');
    expect(csvCell('=HYPERLINK("http://evil.example","x")')).toBe(
      '"\'=HYPERLINK(""http://evil.example"",""x"")"',
    );
    expect(csvCell('a=b')).toBe('a=b');
  });

  it('keeps Korean and other Unicode intact', () => {
    expect(csvCell('김민준')).toBe('김민준');
    expect(csvCell('고객, 결제 실패 "긴급"')).toBe('"고객, 결제 실패 ""긴급"""');
    expect(csvCell('Chloé 😀')).toBe('Chloé 😀');
  });
});

describe('events to CSV', () => {
  const events: MetricEvent[] = [
    metricEvent('2026-11-24T09:30:00Z', {
      id: 'a1',
      ticketKey: 'ACME-1',
      url: 'https://acme.atlassian.net/browse/ACME-1',
      from: 'Lee, "Sam"',
      to: '김민준',
      reason: 'escalation',
      fillMs: 42_000,
      fieldsFilled: 7,
    }),
    metricEvent('2026-11-24T10:00:00Z', {
      id: 'a2',
      site: 'zendesk',
      ticketKey: "=cmd|' /C calc'!A0",
      from: '@SUM(1)',
      to: 'line one\nline two',
      outcome: 'cancelled',
      fieldsFilled: 0,
    }),
  ];

  it('writes a header and one CRLF-terminated row per event that reads back exactly', () => {
    const csv = eventsToCsv(events);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.split('\r\n')[0]).toBe(
      'id,time,site,ticketKey,url,from,to,outcome,reason,skipReason,fillMs,fieldsFilled',
    );
    expect(parseCsv(csv)).toEqual([
      [
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
      ],
      [
        'a1',
        '2026-11-24T09:30:00.000Z',
        'jira',
        'ACME-1',
        'https://acme.atlassian.net/browse/ACME-1',
        'Lee, "Sam"',
        '김민준',
        'completed',
        'escalation',
        '',
        '42000',
        '7',
      ],
      [
        'a2',
        '2026-11-24T10:00:00.000Z',
        'zendesk',
        "'=cmd|' /C calc'!A0",
        '',
        "'@SUM(1)",
        'line one\nline two',
        'cancelled',
        '',
        '',
        '',
        '0',
      ],
    ]);
  });

  it('starts with a byte order mark only when asked (for Excel)', () => {
    expect(eventsToCsv(events).startsWith('id,')).toBe(true);
    expect(eventsToCsv(events, { bom: true }).startsWith(`${UTF8_BOM}id,`)).toBe(true);
    expect(eventsToCsv([])).toBe(
      'id,time,site,ticketKey,url,from,to,outcome,reason,skipReason,fillMs,fieldsFilled\r\n',
    );
  });
});

describe('JSON export', () => {
  it('writes events and buckets as they are, under its format name', () => {
    const events = [
      metricEvent('2026-11-24T09:30:00Z', {
        to: '김민준',
        from: '=1+1',
        url: 'https://x.example/?a=1&b="2"',
      }),
      metricEvent('2026-11-24T10:00:00Z', { outcome: 'post_failed' }),
    ];
    const buckets: DayBucket[] = [
      { day: '2025-01-01', site: 'trello', completed: 9, cancelled: 0, bypassed: 1, post_failed: 0 },
    ];
    const text = eventsToJson(events, buckets, Date.parse('2026-11-24T12:00:00Z'));
    expect(JSON.parse(text)).toEqual({
      format: 'baton-metrics',
      version: 1,
      exportedAt: '2026-11-24T12:00:00.000Z',
      events,
      buckets,
    });
  });
});
