import { createHash } from 'node:crypto';
import { projectionCatalog, logProcesses } from '../../application/projections/projection-catalog.js';
import type { EventStore } from '../../application/ports/event-store.port.js';
import { echoDecoders } from '#test/support/echo-decoder.js';
import { assembleMigrations, readModelMigrations } from './read-model.migrations.js';

/**
 * The set as shipped before the migrations moved into the read models' folders: installations have these versions
 * recorded in `schema_migrations`, so the assembled set must keep each one's version, name and SQL (its digest).
 */
const SHIPPED: readonly (readonly [number, string, string])[] = [
  [1, 'projection checkpoints', 'a443345f1217329af96542f85ed78078be541e563e32234f64a6d57bbcf3ee92'],
  [2, 'audit log', '4fccf4c5dc981cf93d7cf445ca8d578bfcf53b974fdd0172f1273d2e4b465f98'],
  [3, 'key vault', 'bc097eb72ab05c871fe69557cfd328eafa1465ba2de98f0f4825e9efcf57d8a6'],
  [4, 'gateway status', '84c3c381d549c9c90dde45ad7f3c3faa2cba5565c063af685ebf74e04cdb4ad2'],
  [5, 'readings', '5eb6fbc16fc81e4ed590d39c286a90c7e1e137ca42ffa724590538164267f44d'],
  [6, 'gateway status: undecoded payloads', '6d19f53a7ac944e45690767c4fccdd52ece841b7d186fc937a88130f82ca79c7'],
  [
    7,
    'access: users, API clients, credentials, sessions',
    'd2436fb09ea3581c1ba3f334b2e6daa08f4bd70e8498f245c2ac6cf81543019d',
  ],
  [
    8,
    'access: ownership, grants, visibility, data-access log',
    '8b6d1d8d2723666f26760fd7fcaef7f8a545c837b00751f2e3f494d012923e0e',
  ],
  [
    9,
    'readings raw: the unique key is its only index',
    '209260bdcb3071d32a859b9a548e9796fea894e0fe7c549aff2349554010a89f',
  ],
  [10, 'audit objects', 'd51de3a444975a63675d65ec635f79295b8ec1b7ea10d84eefc1a738af826c07'],
  [11, 'node configuration', '9cea94b0088683eda4884b435dc2777fbcc7d67de4cd6c39c181094af8fb42fd'],
  [
    12,
    'alarms: evaluation state, open and past alarms',
    '9ab0d8f79ab461a09195560f55ba15ef825ae70f17e002c518f8d8e34d212df2',
  ],
  [
    13,
    'readings: bucket revisions, series JSON per day',
    '39b6f4f6e19f4aba2d10adcbdd764ae29dbc27e97c16e7ffed2195f8f1da499b',
  ],
  [
    14,
    'readings raw: chunks of a quarter hour per sensor and batch',
    '8ddd6f063778eaa9d31ecd6a421c08c0378257feafec5ed2aaec177b7341eb9b',
  ],
];
/** The digest of the whole shipped set as JSON, which the PGlite seed was keyed by. */
const SHIPPED_SET_DIGEST = '7347a900ea5545241c716cb115e7507fe2565816c42edf9ed6ec498c8a4c9bcb';

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

describe('read-model migrations assembled from the projection catalogue', () => {
  it('keep every shipped migration: the same versions, in order, with the same names and SQL', () => {
    const shipped = readModelMigrations.migrations.filter((m) => m.version <= 14);
    expect(shipped.map((m) => [m.version, m.name, sha256(m.sql)])).toEqual(SHIPPED);
    expect(sha256(JSON.stringify({ ...readModelMigrations, migrations: shipped }))).toBe(SHIPPED_SET_DIGEST);
  });

  it('add only later versions after them, among them the renaming of checkpoints (15)', () => {
    const versions = readModelMigrations.migrations.map((m) => m.version);
    expect(versions.slice(0, SHIPPED.length)).toEqual(SHIPPED.map(([v]) => v));
    expect(versions.slice(SHIPPED.length)).toEqual(expect.arrayContaining([15]));
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
  });

  it('create every table of every projection and log process', () => {
    const sql = readModelMigrations.migrations.map((m) => m.sql).join('\n');
    const runnable = [
      ...projectionCatalog({ decoders: echoDecoders }),
      ...logProcesses({ decoders: echoDecoders, store: {} as EventStore }),
    ];
    for (const table of runnable.flatMap((p) => p.tables)) expect(sql).toMatch(new RegExp(`CREATE TABLE ${table} \\(`));
  });

  it('refuse parts that do not make up one migration', () => {
    expect(() => assembleMigrations('x', [{ version: 1, name: 'a', sql: '', part: 2 }])).toThrow(
      'parts must be numbered',
    );
    expect(() =>
      assembleMigrations('x', [
        { version: 1, name: 'a', sql: '' },
        { version: 1, name: 'a', sql: '' },
      ]),
    ).toThrow('parts must be numbered');
    expect(() =>
      assembleMigrations('x', [
        { version: 1, name: 'a', sql: '', part: 1 },
        { version: 1, name: 'b', sql: '', part: 2 },
      ]),
    ).toThrow('share one name');
    expect(
      assembleMigrations('x', [
        { version: 2, name: 'b', sql: 'y', part: 2 },
        { version: 2, name: 'b', sql: 'x', part: 1 },
        { version: 1, name: 'a', sql: 'z' },
      ]),
    ).toEqual({
      name: 'x',
      migrations: [
        { version: 1, name: 'a', sql: 'z' },
        { version: 2, name: 'b', sql: 'xy' },
      ],
    });
  });
});
