import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { api } from '../api/client';

export function AlarmBanner() {
  const open = useSignal<number | null>(null);
  useEffect(() => {
    void api
      .GET('/api/alarms', { params: { query: { state: 'open', limit: 100 } } })
      .then(({ data }) => (open.value = data?.items.length ?? 0))
      .catch(() => undefined);
  }, []);
  if (!open.value) return null;
  return (
    <div class="banner alarm" role="alert">
      {open.value === 1 ? 'One alarm is open.' : `${open.value}${open.value >= 100 ? '+' : ''} alarms are open.`}{' '}
      <a href="/alarms">See alarms</a>
    </div>
  );
}
