import { api, type Sensor } from '../api/client';

/** Every sensor the caller may see, page by page (the API answers at most a few hundred at once). */
export async function allSensors(quantity?: Sensor['quantity']): Promise<Sensor[]> {
  const sensors: Sensor[] = [];
  let after: string | undefined;
  for (let page = 0; page < 20; page += 1) {
    const { data, error } = await api.GET('/api/sensors', {
      params: { query: { limit: 500, ...(quantity ? { quantity } : {}), ...(after ? { after } : {}) } },
    });
    if (error || !data) throw new Error('could not load the sensors');
    sensors.push(...data.items);
    if (!data.nextAfter) break;
    after = data.nextAfter;
  }
  return sensors;
}

export function sensorHref(sensorId: string): string {
  return `/sensors/${encodeURIComponent(sensorId)}`;
}
