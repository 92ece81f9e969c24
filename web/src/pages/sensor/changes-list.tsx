import type { Annotation } from '../../components/chart';
import { dateTime } from '../../lib/format';

/** The configuration changes marked on the chart, spelled out with their time. */
export function ChangesList({ annotations }: { annotations: readonly Annotation[] }) {
  if (annotations.length === 0) return null;
  return (
    <section aria-labelledby="changes-h">
      <h2 id="changes-h">Changes in this range</h2>
      <ul class="changes">
        {annotations.map((a) => (
          <li key={`${a.t}-${a.label}`}>
            <time dateTime={new Date(a.t * 1000).toISOString()}>{dateTime(new Date(a.t * 1000).toISOString())}</time>{' '}
            {a.label}
          </li>
        ))}
      </ul>
    </section>
  );
}
