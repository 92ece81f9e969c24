import type {
  ReadingSeries,
  SeriesPoint,
  SeriesSensor,
} from '../../../application/metering/query-readings/reading-series/query-reading-series.query.js';
import { csvField, prefersCsv, seriesCsv, seriesJson } from './series-output.js';

const sensor = (sensorId: string, kind: 'gauge' | 'counter' = 'gauge'): SeriesSensor => ({
  sensorId,
  nodeId: 'n',
  gatewayId: 'g',
  quantity: kind === 'gauge' ? 'power' : 'gasVolume',
  unit: kind === 'gauge' ? 'W' : 'm3',
  kind,
});

function aSeries(
  bucket: ReadingSeries['bucket'],
  pages: Record<string, SeriesPoint[][]>,
  missing: string[] = [],
): ReadingSeries {
  return {
    bucket,
    from: '2025-03-01T00:00:00.000Z',
    to: '2025-03-02T00:00:00.000Z',
    missing,
    sensors: Object.keys(pages).map((id) => sensor(id, id.includes('gas') ? 'counter' : 'gauge')),
    async *pages(s) {
      for (const page of pages[s.sensorId] ?? []) yield page;
    },
    async *jsonPages(s) {
      for (const page of pages[s.sensorId] ?? []) yield page.map((point) => JSON.stringify(point)).join(',');
    },
  };
}

async function text(chunks: AsyncIterable<string>): Promise<string> {
  let out = '';
  for await (const chunk of chunks) out += chunk;
  return out;
}

describe('csvField', () => {
  it('quotes only what RFC 4180 requires, doubling quotes', () => {
    expect(csvField('plain/id')).toBe('plain/id');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\r\nlines')).toBe('"two\r\nlines"');
    expect(csvField(-0.5)).toBe('-0.5');
    expect(csvField(null)).toBe('');
  });
});

describe('seriesJson', () => {
  it('streams one valid JSON document across pages, empty sensors and no sensors', async () => {
    const pages = {
      'a/power': [[{ t: '2025-03-01T00:00:00.000Z', value: 1 }], [{ t: '2025-03-01T00:01:00.000Z', value: 2 }]],
      'b/power': [],
    };
    expect(JSON.parse(await text(seriesJson(aSeries('raw', pages, ['x']))))).toEqual({
      bucket: 'raw',
      from: '2025-03-01T00:00:00.000Z',
      to: '2025-03-02T00:00:00.000Z',
      missing: ['x'],
      series: [
        { ...sensor('a/power'), points: pages['a/power'].flat() },
        { ...sensor('b/power'), points: [] },
      ],
    });
    expect(JSON.parse(await text(seriesJson(aSeries('1d', {}))))).toMatchObject({ series: [] });
  });
});

describe('seriesCsv', () => {
  it('writes gauge and counter buckets under one header with CRLF line ends', async () => {
    const csv = await text(
      seriesCsv(
        aSeries('1h', {
          'm,1/power': [[{ t: 'T1', count: 2, avg: 1.5, min: 1, max: 2 }]],
          'm/gas': [[{ t: 'T1', count: 3, delta: 0.25 }], [{ t: 'T2', count: 1, delta: null }]],
        }),
      ),
    );
    expect(csv).toBe(
      'sensor_id,t,count,avg,min,max,delta\r\n"m,1/power",T1,2,1.5,1,2,\r\nm/gas,T1,3,,,,0.25\r\nm/gas,T2,1,,,,\r\n',
    );
  });
});

describe('prefersCsv', () => {
  it.each([
    [undefined, false],
    ['text/csv', true],
    ['application/json', false],
    ['*/*', false],
    ['text/csv, application/json', false],
    ['text/csv;q=0.9, application/json;q=0.5', true],
    ['text/*, application/json;q=0.1', true],
    ['text/csv;q=0', false],
    ['TEXT/CSV', true],
  ])('Accept %p → %p', (accept, csv) => {
    expect(prefersCsv(accept)).toBe(csv);
  });
});
