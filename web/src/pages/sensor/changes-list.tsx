import { ANNOTATION_COLOURS, type Annotation } from '../../components/chart';
import { dateTime } from '../../lib/format';

const KIND: Record<Annotation['kind'], string> = {
  gateway_online: 'gateway online',
  gateway_offline: 'gateway offline',
  configuration: 'configuration',
  firmware: 'firmware',
  command: 'switch command',
};

/** The annotation's instant in ISO form; rounding undoes the float error of seconds × 1000. */
const instant = (a: Annotation): string => new Date(Math.round(a.t * 1000)).toISOString();

/** The node page opened at an instant: its configuration as of then, and what its latest change before then changed. */
export function configurationAsOfHref(nodeId: string, at: string): string {
  return `/admin/nodes/${encodeURIComponent(nodeId)}?at=${encodeURIComponent(at)}`;
}

/**
 * The moments from the log marked on the chart's time axis, spelled out with their time and kind. For an admin
 * (`configurationOf`: the sensor's node), each links to the node's configuration as of that moment.
 */
export function ChangesList({
  annotations,
  configurationOf,
}: {
  annotations: readonly Annotation[];
  configurationOf?: string;
}) {
  if (annotations.length === 0) return null;
  return (
    <section aria-labelledby="changes-h">
      <h2 id="changes-h">Events in this range</h2>
      <ul class="changes">
        {annotations.map((a) => (
          <li key={`${a.t}-${a.label}`} data-annotation-kind={a.kind}>
            <span class="swatch" style={{ background: ANNOTATION_COLOURS[a.kind] }} aria-hidden="true" />
            <time dateTime={instant(a)}>{dateTime(instant(a))}</time> <span class="kind">{KIND[a.kind]}:</span>{' '}
            {a.label}
            {configurationOf !== undefined && (
              <>
                {' '}
                <a href={configurationAsOfHref(configurationOf, a.recordedAt ?? instant(a))}>
                  configuration as of then
                  <span class="sr-only"> ({dateTime(instant(a))})</span>
                </a>
              </>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
