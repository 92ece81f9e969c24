import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { useRoute } from 'preact-iso';
import { api, type Schemas } from '../../api/client';
import { dateTime } from '../../lib/format';
import { actorName } from './common';
import { describeSetting } from './node-forms';

// A node's configuration as a table, and as it was at any instant (the time slider, the diff, "just before").

type Configuration = Schemas['NodeConfigurationViewDto'];
type Change = Schemas['ConfigurationChangeDto'];
type Names = ReadonlyMap<string, string>;

export function ConfigurationTable({
  config,
  caption,
  names,
}: {
  config: Configuration;
  caption: string;
  names: Names;
}) {
  const pendingSince = new Map(config.pending.map((p) => [p.field, p]));
  if (config.fields.length === 0) return <p class="empty">No setting was ever asked for on this node.</p>;
  return (
    <div class="table-scroll">
      <table class="stack" aria-label={caption}>
        <thead>
          <tr>
            <th scope="col">Setting</th>
            <th scope="col">Desired</th>
            <th scope="col">Applied</th>
            <th scope="col">State</th>
          </tr>
        </thead>
        <tbody>
          {config.fields.map((f) => {
            const pending = pendingSince.get(f.field);
            return (
              <tr key={f.field} data-field={f.field} data-sync={f.sync}>
                <th scope="row" data-label="Setting">
                  {f.field}
                </th>
                <td data-label="Desired">
                  {f.desired ? describeSetting(f.desired.value) : '—'}
                  {f.desired && (
                    <span class="muted small">
                      {' '}
                      by {actorName(f.desired.by, names)}, {dateTime(f.desired.at)}
                    </span>
                  )}
                </td>
                <td data-label="Applied">
                  {f.applied ? describeSetting(f.applied.value) : '—'}
                  {f.applied && <span class="muted small"> {dateTime(f.applied.at)}</span>}
                </td>
                <td data-label="State" class={f.sync === 'differs' ? 'error' : ''}>
                  {f.sync === 'pending' && pending
                    ? `pending since ${dateTime(pending.requestedAt)} (${pending.status})`
                    : f.sync === 'differs'
                      ? 'differs: the last request failed'
                      : f.sync}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** The configuration at an instant, fetched again whenever the instant changes. */
function useConfigurationAt(nodeId: string, at: string | null) {
  const view = useSignal<Configuration | null>(null);
  useEffect(() => {
    if (!at) return;
    void api
      .GET('/api/nodes/{nodeId}/configuration', { params: { path: { nodeId }, query: { at } } })
      .then(({ data }) => (view.value = data ?? null));
  }, [at, nodeId]);
  return at ? view.value : null;
}

/** A field in words at one instant: what was asked and what the device ran. */
function fieldState(config: Configuration, field: string): string {
  const f = config.fields.find((x) => x.field === field);
  if (!f) return 'not set';
  const desired = f.desired ? describeSetting(f.desired.value) : '—';
  const applied = f.applied ? describeSetting(f.applied.value) : '—';
  return desired === applied ? desired : `${desired} (applied: ${applied})`;
}

function Diff({ from, to, caption }: { from: Configuration; to: Configuration; caption: string }) {
  const fields = [...new Set([...from.fields, ...to.fields].map((f) => f.field))].sort();
  const changed = fields.filter((f) => fieldState(from, f) !== fieldState(to, f));
  if (changed.length === 0) return <p>Nothing differs between the two instants.</p>;
  return (
    <div class="table-scroll">
      <table class="stack" aria-label={caption}>
        <thead>
          <tr>
            <th scope="col">Setting</th>
            <th scope="col">At {dateTime(from.at)}</th>
            <th scope="col">At {dateTime(to.at)}</th>
          </tr>
        </thead>
        <tbody>
          {changed.map((f) => (
            <tr key={f}>
              <th scope="row" data-label="Setting">
                {f}
              </th>
              <td data-label="Before">{fieldState(from, f)}</td>
              <td data-label="After">{fieldState(to, f)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function InstantPicker(props: { label: string; instants: string[]; at: string | null; onPick: (at: string) => void }) {
  const { instants, at } = props;
  const index = at && instants.includes(at) ? instants.indexOf(at) : instants.length - 1;
  const local = (iso: string) => {
    const d = new Date(iso);
    return new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
  };
  return (
    <fieldset class="toolbar picker">
      <legend>{props.label}</legend>
      <label class="inline">
        Change
        <input
          type="range"
          min={0}
          max={instants.length - 1}
          value={index}
          aria-valuetext={dateTime(instants[index]!)}
          onInput={(e) => props.onPick(instants[Number(e.currentTarget.value)]!)}
        />
      </label>
      <label class="inline">
        Instant
        <input
          type="datetime-local"
          value={at ? local(at) : ''}
          onChange={(e) => {
            const t = Date.parse(e.currentTarget.value);
            if (Number.isFinite(t)) props.onPick(new Date(t).toISOString());
          }}
        />
      </label>
    </fieldset>
  );
}

/** The instant just before the latest change at or before `at`: comparing the two shows what that change changed. */
function justBefore(instants: readonly string[], at: string): { change: string; before: string } | null {
  const t = Date.parse(at);
  const change = [...instants].reverse().find((i) => Date.parse(i) <= t);
  return change ? { change, before: new Date(Date.parse(change) - 1).toISOString() } : null;
}

/**
 * The configuration as it was at any instant (a slider over the instants it changed, and a calendar), and a diff.
 * Opened with `?at=` (from a chart's annotation), it starts at that instant and shows what changed just before it.
 */
export function AsOf({ nodeId, changes, names }: { nodeId: string; changes: Change[]; names: Names }) {
  const instants = [...new Set(changes.map((c) => c.at))].sort();
  const { query } = useRoute();
  const linked = typeof query.at === 'string' && Number.isFinite(Date.parse(query.at)) ? query.at : null;
  const at = useSignal<string | null>(linked);
  const compare = useSignal<string | null>(null);
  const view = useConfigurationAt(nodeId, at.value);
  const other = useConfigurationAt(nodeId, compare.value ?? instants.at(-1) ?? null);
  const recent = linked ? justBefore(instants, linked) : null;
  const before = useConfigurationAt(nodeId, recent?.before ?? null);
  const after = useConfigurationAt(nodeId, recent?.change ?? null);
  if (instants.length === 0) return null;
  return (
    <div class="panel">
      <h2>Configuration as of</h2>
      {linked && (
        <div aria-live="polite" data-just-before>
          <h3>What changed just before {dateTime(linked)}</h3>
          {!recent && <p>Nothing was changed on this node before then.</p>}
          {recent && before && after && (
            <>
              <p>
                The latest change before then was at <time dateTime={recent.change}>{dateTime(recent.change)}</time>:
              </p>
              <Diff from={before} to={after} caption="What the change before then changed" />
            </>
          )}
        </div>
      )}
      <InstantPicker label="Show" instants={instants} at={at.value} onPick={(t) => (at.value = t)} />
      {at.value && view && (
        <div aria-live="polite">
          <p>
            As it was at <time dateTime={view.at}>{dateTime(view.at)}</time>:
          </p>
          <ConfigurationTable config={view} caption="Configuration as of the chosen instant" names={names} />
          <h3>Compared with another instant</h3>
          <InstantPicker
            label="Compare with"
            instants={instants}
            at={compare.value}
            onPick={(t) => (compare.value = t)}
          />
          {other && <Diff from={view} to={other} caption="Differences between the two instants" />}
        </div>
      )}
      {!at.value && <p class="muted">Move the slider or pick an instant to see the settings as they were then.</p>}
    </div>
  );
}
