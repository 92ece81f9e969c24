import { useSignal } from '@preact/signals';
import type { Sensor } from '../../api/client';
import { RELATIVE, TILE_KINDS, type Tile, type TileKind } from '../../lib/dashboards';
import { sensorLabel } from '../../lib/format';

export type TileSpec = Omit<Tile, 'tileId'>;

const MAX_SERIES = 8;

/** Adds a tile, or changes one: kind, title, sensors, a gauge's span and a chart's or alarm list's own range. */
export function TileForm({
  sensors,
  initial,
  onSave,
  onCancel,
}: {
  sensors: readonly Sensor[];
  initial?: Tile;
  onSave: (tile: TileSpec) => Promise<string | null>;
  onCancel: () => void;
}) {
  const kind = useSignal<TileKind>(initial?.kind ?? 'chart');
  const title = useSignal(initial?.title ?? '');
  const picked = useSignal<string[]>(initial?.sensorIds ?? (initial?.sensorId ? [initial.sensorId] : []));
  const min = useSignal(String(initial?.min ?? 0));
  const max = useSignal(String(initial?.max ?? 3000));
  const own = useSignal<string>(initial?.timeRange?.last ?? '');
  const error = useSignal<string | null>(null);
  const many = kind.value === 'chart' || kind.value === 'alarms';
  const choices = kind.value === 'switch' ? sensors.filter((s) => s.quantity === 'switchState') : sensors;

  const toggle = (sensorId: string, on: boolean) => {
    picked.value = on ? [...picked.value, sensorId] : picked.value.filter((s) => s !== sensorId);
  };
  const submit = async (event: Event) => {
    event.preventDefault();
    const spec: TileSpec = { kind: kind.value, title: title.value.trim() };
    if (many) {
      spec.sensorIds = picked.value.slice(0, MAX_SERIES);
      if (own.value) spec.timeRange = { kind: 'relative', last: own.value as NonNullable<Tile['timeRange']>['last'] };
    } else {
      spec.sensorId = picked.value[0] ?? '';
      if (!spec.sensorId) return void (error.value = 'Choose a sensor.');
    }
    if (kind.value === 'gauge') {
      spec.min = Number(min.value);
      spec.max = Number(max.value);
    }
    error.value = await onSave(spec);
  };

  return (
    <form class="tile-form card" onSubmit={(e) => void submit(e)} aria-label={initial ? 'Change tile' : 'Add a tile'}>
      <h2>{initial ? `Change “${initial.title || initial.kind}”` : 'Add a tile'}</h2>
      <div class="fields">
        <label>
          Kind
          <select value={kind.value} onChange={(e) => (kind.value = e.currentTarget.value as TileKind)}>
            {TILE_KINDS.map((k) => (
              <option key={k.kind} value={k.kind}>
                {k.label}
              </option>
            ))}
          </select>
        </label>
        <label>
          Title
          <input value={title.value} maxLength={80} onInput={(e) => (title.value = e.currentTarget.value)} />
        </label>
        {many ? (
          <fieldset>
            <legend>
              Sensors {kind.value === 'chart' ? `(1 to ${MAX_SERIES})` : `(none: every sensor you may see)`}
            </legend>
            {choices.length === 0 && <p class="muted">No sensors you may see.</p>}
            {choices.map((s) => (
              <label key={s.sensorId} class="check">
                <input
                  type="checkbox"
                  checked={picked.value.includes(s.sensorId)}
                  disabled={!picked.value.includes(s.sensorId) && picked.value.length >= MAX_SERIES}
                  onChange={(e) => toggle(s.sensorId, e.currentTarget.checked)}
                />
                {sensorLabel(s.sensorId)}
              </label>
            ))}
          </fieldset>
        ) : (
          <label>
            Sensor
            <select value={picked.value[0] ?? ''} onChange={(e) => (picked.value = [e.currentTarget.value])}>
              <option value="">Choose…</option>
              {choices.map((s) => (
                <option key={s.sensorId} value={s.sensorId}>
                  {sensorLabel(s.sensorId)}
                </option>
              ))}
            </select>
          </label>
        )}
        {kind.value === 'gauge' && (
          <>
            <label>
              Minimum
              <input type="number" value={min.value} onInput={(e) => (min.value = e.currentTarget.value)} />
            </label>
            <label>
              Maximum
              <input type="number" value={max.value} onInput={(e) => (max.value = e.currentTarget.value)} />
            </label>
          </>
        )}
        {many && (
          <label>
            Time range
            <select value={own.value} onChange={(e) => (own.value = e.currentTarget.value)}>
              <option value="">The dashboard's</option>
              {RELATIVE.map((r) => (
                <option key={r.last} value={r.last}>
                  {r.label}
                </option>
              ))}
            </select>
          </label>
        )}
      </div>
      <div class="actions">
        <button type="submit">{initial ? 'Save tile' : 'Add tile'}</button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
      {error.value && (
        <p class="error" role="alert">
          {error.value}
        </p>
      )}
    </form>
  );
}
