import { useState } from 'react';
import type { Aggregate } from '../../lib/metrics/aggregate';
import { translate as t, translateCount } from '../translate';
import type { Formats } from './format';

// Completed handoffs per local day over the last 30 days, as plain SVG (no charting library: 30 bars
// need none, and the popup stays small). The picture is one image with a text summary for screen
// readers; the exact numbers are in a table under "Show the numbers".

const WIDTH = 348;
const HEIGHT = 112;
const LEFT = 22; // room for the top value
const TOP = 8;
const BOTTOM = 18; // room for the date marks
const PLOT_WIDTH = WIDTH - LEFT;
const PLOT_HEIGHT = HEIGHT - TOP - BOTTOM;

export function TrendChart({ aggregate, format }: { aggregate: Aggregate; format: Formats }) {
  const { days, thisWeek } = aggregate;
  const slot = PLOT_WIDTH / days.length;
  const max = Math.max(1, ...days.map((day) => day.completed));
  const total = days.reduce((sum, day) => sum + day.completed, 0);
  let busiest = days[0];
  for (const day of days) if (busiest && day.completed > busiest.completed) busiest = day;
  const summary =
    total === 0 || !busiest
      ? t('popupTrendSummaryNone')
      : translateCount('popupTrendSummary', total, [
          format.number(total),
          format.dayLong(busiest.day),
          format.number(busiest.completed),
        ]);
  const weekFrom = days.findIndex((day) => day.day >= thisWeek.firstDay);
  const baseline = TOP + PLOT_HEIGHT;
  // The table is built the first time it is opened: 30 rows of formatted numbers were most of what
  // rendering the chart cost once the main figures were painted, for a table most people never open.
  const [numbersOpened, setNumbersOpened] = useState(false);

  return (
    <section className="card" aria-labelledby="trend-heading">
      <h2 id="trend-heading">
        {t('popupTrendTitle')} <span className="period">{t('popupTrendPeriod')}</span>
      </h2>
      <p className="this-week">
        {t('popupTrendThisWeek', [
          String(thisWeek.isoWeek),
          format.day(thisWeek.firstDay),
          format.number(thisWeek.completed),
        ])}
      </p>
      <svg className="trend" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={summary}>
        {weekFrom >= 0 ? (
          <rect
            className="week-band"
            x={LEFT + weekFrom * slot}
            y={TOP}
            width={(days.length - weekFrom) * slot}
            height={PLOT_HEIGHT}
          />
        ) : null}
        <line className="grid" x1={LEFT} x2={WIDTH} y1={TOP} y2={TOP} />
        <text className="axis" x={LEFT - 4} y={TOP + 4} textAnchor="end">
          {format.number(max)}
        </text>
        <text className="axis" x={LEFT - 4} y={baseline} textAnchor="end">
          0
        </text>
        {days.map((day, index) => {
          const x = LEFT + index * slot;
          const height = (day.completed / max) * PLOT_HEIGHT;
          const today = index === days.length - 1;
          return (
            <g key={day.day}>
              {day.weekStart ? (
                <>
                  <line className="week-mark" x1={x} x2={x} y1={TOP} y2={baseline + 4} />
                  {/* A mark too close to the right edge is drawn to the left of its line. */}
                  <text
                    className="axis"
                    x={x > WIDTH - 36 ? x - 2 : x + 2}
                    y={HEIGHT - 4}
                    textAnchor={x > WIDTH - 36 ? 'end' : 'start'}
                  >
                    {format.dayDigits(day.day)}
                  </text>
                </>
              ) : null}
              <rect
                className={`bar${today ? ' today' : ''}${day.completed === 0 ? ' zero' : ''}`}
                x={x + slot * 0.15}
                y={day.completed === 0 ? baseline - 1 : baseline - height}
                width={slot * 0.7}
                height={day.completed === 0 ? 1 : height}
                rx={1.5}
              >
                <title>{t('popupTrendBar', [format.dayLong(day.day), format.number(day.completed)])}</title>
              </rect>
            </g>
          );
        })}
        <line className="baseline" x1={LEFT} x2={WIDTH} y1={baseline} y2={baseline} />
      </svg>
      <details
        className="numbers"
        onToggle={(event) => {
          if (event.currentTarget.open) setNumbersOpened(true);
        }}
      >
        <summary>{t('popupTrendShowTable')}</summary>
        {numbersOpened ? (
          <table>
            <caption className="visually-hidden">
              {t('popupTrendTitle')} ({t('popupTrendPeriod')})
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('popupColumnDay')}</th>
                <th scope="col">{t('popupColumnCompleted')}</th>
                <th scope="col">{t('popupColumnCancelled')}</th>
                <th scope="col">{t('popupColumnBypassed')}</th>
                <th scope="col">{t('popupColumnPostFailed')}</th>
              </tr>
            </thead>
            <tbody>
              {[...days].reverse().map((day) => (
                <tr key={day.day}>
                  <th scope="row">{format.dayLong(day.day)}</th>
                  <td>{format.number(day.completed)}</td>
                  <td>{format.number(day.cancelled)}</td>
                  <td>{format.number(day.bypassed)}</td>
                  <td>{format.number(day.post_failed)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
      </details>
    </section>
  );
}
