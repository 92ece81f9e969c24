import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  CATALOGUE_END,
  CATALOGUE_START,
  consumers,
  documentedCatalogue,
  domainEventTypes,
  normalizeTable,
  renderCatalogue,
  STREAMS,
} from './event-catalogue.js';
import { REPO_ROOT } from './import-rules.js';

const ARCHITECTURE_DOC = join(REPO_ROOT, 'docs', 'architecture.md');

describe('event catalogue', () => {
  const declared = domainEventTypes();
  const inStreams = STREAMS.flatMap((entry) => entry.events.map((type) => ({ type, stream: entry.stream })));

  it('finds the event types the domain declares', () => {
    expect(declared.size).toBeGreaterThan(0);
    expect(declared.has('ReadingsReported')).toBe(true);
  });

  it('puts every domain event type in exactly one stream', () => {
    const missing = [...declared.keys()].filter((type) => !inStreams.some((e) => e.type === type));
    const twice = inStreams.filter((e, i) => inStreams.findIndex((o) => o.type === e.type) !== i).map((e) => e.type);
    expect({ missing: missing.map((type) => `${type} (${declared.get(type)})`), twice }).toEqual({
      missing: [],
      twice: [],
    });
  });

  it('lists only event types the domain declares', () => {
    expect(inStreams.filter((e) => !declared.has(e.type))).toEqual([]);
  });

  it('knows every event type a read model or log process subscribes to', () => {
    const { readModels, processes } = consumers();
    const unknown = [...readModels, ...processes].flatMap((c) =>
      (c.eventTypes ?? []).filter((t) => !declared.has(t)).map((t) => `${c.name}: ${t}`),
    );
    expect(unknown).toEqual([]);
  });

  it('compares tables by content, not by padding', () => {
    expect(normalizeTable('| a | b |\n|---|:---:|\n| `x` |  |')).toBe(
      normalizeTable('| a   | b   |\n| --- | --- |\n| `x` |     |'),
    );
    expect(normalizeTable('| a | b |')).not.toBe(normalizeTable('| a | c |'));
  });

  it('is the table in docs/architecture.md', () => {
    const expected = renderCatalogue();
    const documented = documentedCatalogue(readFileSync(ARCHITECTURE_DOC, 'utf8'));
    if (documented === undefined || normalizeTable(documented) !== normalizeTable(expected)) {
      // The whole table, so bringing the document up to date is one paste.
      throw new Error(
        `docs/architecture.md is out of step with the code. Replace the text between ${CATALOGUE_START} and ${CATALOGUE_END} with:\n\n${expected}\n`,
      );
    }
  });
});
