import { dateTime, quantity } from '../../lib/format';
import type { Columns } from '../../lib/series';

/** The shown series as rows, for reading exact values or with a screen reader; capped so a year stays responsive. */
export function SeriesTable({ columns, unit }: { columns: Columns; unit: string }) {
  const rows = columns.x.length > 1000 ? 1000 : columns.x.length;
  return (
    <div class="table-scroll">
      <table>
        <caption class="muted">
          {rows < columns.x.length
            ? `The newest ${rows} of ${columns.x.length} rows; the CSV has them all.`
            : `${rows} rows`}
        </caption>
        <thead>
          <tr>
            <th scope="col">Time</th>
            <th scope="col" class="num">
              {columns.kind === 'counter' ? 'Energy' : columns.kind === 'gauge' ? 'Average' : 'Value'}
            </th>
            {columns.kind === 'gauge' && (
              <th scope="col" class="num">
                Min
              </th>
            )}
            {columns.kind === 'gauge' && (
              <th scope="col" class="num">
                Max
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {columns.x.slice(-rows).map((t, j) => {
            const i = columns.x.length - rows + j;
            return (
              <tr key={t}>
                <td>{dateTime(new Date(t * 1000).toISOString())}</td>
                <td class="num">{columns.y[i] === null ? 'gap' : quantity(columns.y[i], unit)}</td>
                {columns.kind === 'gauge' && <td class="num">{quantity(columns.lo[i], unit)}</td>}
                {columns.kind === 'gauge' && <td class="num">{quantity(columns.hi[i], unit)}</td>}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
