import { useSignal, type Signal } from '@preact/signals';
import { parseRelative } from '../../lib/series';
import type { ShownRange } from './shown-range';

/** A relative length typed by the user (e.g. -6h) or a custom from–to, either replacing the shown range. */
export function RangeForms({ shownRange }: { shownRange: Signal<ShownRange> }) {
  const relative = useSignal('');
  const relativeError = useSignal(false);

  const applyRelative = (event: SubmitEvent) => {
    event.preventDefault();
    const ms = parseRelative(relative.value);
    relativeError.value = ms === null;
    if (ms !== null) shownRange.value = { key: relative.value.trim(), ms };
  };
  const applyCustom = (event: SubmitEvent) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    const from = Date.parse(String(form.get('from')));
    const to = Date.parse(String(form.get('to')));
    if (Number.isFinite(from) && Number.isFinite(to) && from < to) shownRange.value = { key: 'custom', from, to };
  };

  return (
    <div class="toolbar">
      <form class="inline" onSubmit={applyRelative}>
        <label class="inline">
          Last
          <input
            name="relative"
            size={6}
            placeholder="-1d"
            value={relative.value}
            onInput={(e) => (relative.value = e.currentTarget.value)}
            aria-invalid={relativeError.value}
            aria-describedby="relative-help"
          />
        </label>
        <button type="submit">Show</button>
        <span id="relative-help" class={relativeError.value ? 'error' : 'muted'}>
          {relativeError.value ? 'Use a form like -30m, -6h, -1d, -2w or -1y.' : 'e.g. -6h, -1d, -2w'}
        </span>
      </form>
      <form class="inline" onSubmit={applyCustom}>
        <label class="inline">
          From <input type="datetime-local" name="from" required />
        </label>
        <label class="inline">
          To <input type="datetime-local" name="to" required />
        </label>
        <button type="submit" aria-pressed={shownRange.value.key === 'custom'}>
          Custom range
        </button>
      </form>
    </div>
  );
}
