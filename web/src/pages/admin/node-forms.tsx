import { useSignal } from '@preact/signals';
import { api, type Schemas } from '../../api/client';
import { problemText } from './common';

type Request = Schemas['NodeConfigurationRequestDto'];
export type Kind = Request['kind'];

const QUANTITIES = ['power', 'voltage', 'current', 'energyImported', 'temperature', 'switchState'] as const;

export const KIND_LABEL: Record<Kind, string> = {
  reporting: 'Reporting threshold',
  alarm_power_above: 'Power alarm',
  alarm_voltage_band: 'Voltage alarm',
  firmware_update: 'Firmware update',
  poll_interval: 'Poll interval',
};

/** The settings a node's driver takes: ZigBee devices report and update firmware, meters are polled. */
export function kindsFor(protocol: string | null): Kind[] {
  const alarms: Kind[] = ['alarm_power_above', 'alarm_voltage_band'];
  if (protocol === 'modbus' || protocol === 'dsmr') return ['poll_interval', ...alarms];
  return ['reporting', ...alarms, 'firmware_update'];
}

function Field(props: { label: string; name: string; type?: string; min?: number; max?: number; value?: string }) {
  return (
    <label>
      {props.label}
      <input
        name={props.name}
        type={props.type ?? 'number'}
        min={props.min}
        max={props.max}
        step={props.type ? undefined : 'any'}
        defaultValue={props.value}
        required
      />
    </label>
  );
}

function fieldsOf(kind: Kind) {
  switch (kind) {
    case 'reporting':
      return (
        <>
          <label>
            Quantity
            <select name="quantity">
              {QUANTITIES.map((q) => (
                <option key={q}>{q}</option>
              ))}
            </select>
          </label>
          <Field label="Min interval (s)" name="minIntervalS" min={0} max={65535} value="10" />
          <Field label="Max interval (s)" name="maxIntervalS" min={1} max={65535} value="300" />
          <Field label="Reportable change" name="reportableChange" min={0} value="10" />
        </>
      );
    case 'alarm_power_above':
      return (
        <>
          <Field label="Threshold (W)" name="thresholdW" min={0} value="2000" />
          <Field label="For (s)" name="forSeconds" min={0} max={86400} value="60" />
          <Enabled />
        </>
      );
    case 'alarm_voltage_band':
      return (
        <>
          <Field label="Min (V)" name="minV" min={0} max={1000} value="207" />
          <Field label="Max (V)" name="maxV" min={0} max={1000} value="253" />
          <Enabled />
        </>
      );
    case 'firmware_update':
      return <Field label="Version" name="version" type="text" value="" />;
    case 'poll_interval':
      return <Field label="Every (s)" name="seconds" min={1} max={86400} value="10" />;
  }
}

function Enabled() {
  return (
    <label class="inline">
      <input type="checkbox" name="enabled" defaultChecked />
      Enabled
    </label>
  );
}

function bodyOf(kind: Kind, form: FormData): Request {
  const n = (name: string) => Number(form.get(name));
  const reason = String(form.get('reason') ?? '').trim();
  const common = { kind, ...(reason ? { reason } : {}) };
  switch (kind) {
    case 'reporting':
      return {
        ...common,
        quantity: String(form.get('quantity')) as Request['quantity'],
        minIntervalS: n('minIntervalS'),
        maxIntervalS: n('maxIntervalS'),
        reportableChange: n('reportableChange'),
      };
    case 'alarm_power_above':
      return { ...common, thresholdW: n('thresholdW'), forSeconds: n('forSeconds'), enabled: form.has('enabled') };
    case 'alarm_voltage_band':
      return { ...common, minV: n('minV'), maxV: n('maxV'), enabled: form.has('enabled') };
    case 'firmware_update':
      return { ...common, version: String(form.get('version') ?? '').trim() };
    case 'poll_interval':
      return { ...common, seconds: n('seconds') };
  }
}

/** One form per configuration kind; a request answered is handed to `onRequested` to follow. */
export function ConfigurationForm(props: {
  nodeId: string;
  kind: Kind;
  onRequested: (answer: Schemas['RequestedNodeConfigurationDto']) => void;
}) {
  const error = useSignal<string | null>(null);
  const busy = useSignal(false);
  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    error.value = null;
    busy.value = true;
    const { data, error: problem } = await api.POST('/api/nodes/{nodeId}/configuration', {
      params: { path: { nodeId: props.nodeId } },
      body: bodyOf(props.kind, form),
    });
    busy.value = false;
    if (!data) error.value = problemText(problem, 'the setting was refused');
    else props.onRequested(data);
  };
  const id = `form-${props.kind}`;
  return (
    <form class="panel grid-form" onSubmit={(e) => void submit(e)} aria-labelledby={id}>
      <h3 id={id}>{KIND_LABEL[props.kind]}</h3>
      {fieldsOf(props.kind)}
      <label class="wide">
        Reason (optional)
        <input name="reason" maxLength={500} />
      </label>
      {error.value && (
        <p class="error wide" role="alert">
          {error.value}
        </p>
      )}
      <div class="wide">
        <button type="submit" disabled={busy.value}>
          Request {KIND_LABEL[props.kind].toLowerCase()}
        </button>
      </div>
    </form>
  );
}

/** A setting in words: `power: every 10–300 s or on a change of 10`. */
export function describeSetting(value: unknown): string {
  const v = value as Record<string, unknown> | null;
  if (!v || typeof v !== 'object') return value === null || value === undefined ? '—' : String(value);
  switch (v.kind) {
    case 'reporting':
      return `${String(v.quantity)}: every ${String(v.minIntervalS)}–${String(v.maxIntervalS)} s or on a change of ${String(v.reportableChange)}`;
    case 'alarm_power_above':
      return v.enabled ? `above ${String(v.thresholdW)} W for ${String(v.forSeconds)} s` : 'off';
    case 'alarm_voltage_band':
      return v.enabled ? `outside ${String(v.minV)}–${String(v.maxV)} V` : 'off';
    case 'firmware_update':
      return `version ${String(v.version)}`;
    case 'poll_interval':
      return `every ${String(v.seconds)} s`;
    default:
      return JSON.stringify(v);
  }
}
