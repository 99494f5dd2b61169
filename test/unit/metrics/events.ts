import type { MetricEvent, Outcome } from '../../../lib/metrics/event';

// Small factory for metric events in tests: only what a test cares about is passed.
let n = 0;

export function metricEvent(at: number | string, overrides: Partial<MetricEvent> = {}): MetricEvent {
  n += 1;
  const outcome: Outcome = overrides.outcome ?? 'completed';
  return {
    id: `e${n}`,
    site: 'jira',
    ticketKey: `ACME-${n}`,
    outcome,
    fieldsFilled: outcome === 'completed' ? 6 : 0,
    ...(outcome === 'completed' ? { fillMs: 45_000, reason: 'escalation' } : {}),
    ...overrides,
    at: typeof at === 'string' ? Date.parse(at) : at,
  };
}
