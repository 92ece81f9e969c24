import { ANNOTATION_COLOURS, type Annotation } from '../../components/chart';
import { dateTime } from '../../lib/format';

const KIND: Record<Annotation['kind'], string> = {
  gateway_online: 'gateway online',
  gateway_offline: 'gateway offline',
  configuration: 'configuration',
  firmware: 'firmware',
  command: 'switch command',
};

/** The moments from the log marked on the chart's time axis, spelled out with their time and kind. */
export function ChangesList({ annotations }: { annotations: readonly Annotation[] }) {
  if (annotations.length === 0) return null;
  return (
    <section aria-labelledby="changes-h">
      <h2 id="changes-h">Events in this range</h2>
      <ul class="changes">
        {annotations.map((a) => (
          <li key={`${a.t}-${a.label}`} data-annotation-kind={a.kind}>
            <span class="swatch" style={{ background: ANNOTATION_COLOURS[a.kind] }} aria-hidden="true" />
            <time dateTime={new Date(a.t * 1000).toISOString()}>
              {dateTime(new Date(a.t * 1000).toISOString())}
            </time>{' '}
            <span class="kind">{KIND[a.kind]}:</span> {a.label}
          </li>
        ))}
      </ul>
    </section>
  );
}
