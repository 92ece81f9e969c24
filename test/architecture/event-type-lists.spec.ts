import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { CHECKER_OPTIONS, eventTypeListMismatches, unionNameOf } from './event-type-lists.js';
import { REPO_ROOT, typeScriptFilesUnder } from './import-rules.js';

const SRC = join(REPO_ROOT, 'src');
const SPEC_FILE = /\.(int-|e2e-)?spec\.ts$/;
const DECLARES_LIST = /export const [A-Z0-9_]+_EVENT_TYPES\b/;

/**
 * A `*_EVENT_TYPES` list feeds subscriptions and type guards (`isUserEvent`); an event added to the union but not to
 * the list is silently never delivered to the projection that filters on it. The lists are typed with their union,
 * which catches a wrong name but not a missing one, so this spec asks the type checker for the union's members.
 */
describe('*_EVENT_TYPES lists', () => {
  it('each lists every type of its event union, once, and nothing else', () => {
    const files = typeScriptFilesUnder(SRC).filter(
      (file) => !SPEC_FILE.test(file) && DECLARES_LIST.test(readFileSync(file, 'utf8')),
    );
    expect(files.length).toBeGreaterThan(5);
    const program = ts.createProgram(files, CHECKER_OPTIONS);
    expect(eventTypeListMismatches(program, files)).toEqual([]);
  }, 60_000);

  it('names the union of a list without annotation after the list', () => {
    expect(unionNameOf('GATEWAY_FRAME_EVENT_TYPES')).toBe('GatewayFrameEvent');
    expect(unionNameOf('USER_EVENT_TYPES')).toBe('UserEvent');
  });

  describe('the checker itself', () => {
    const dir = join(SRC, 'sample');
    const programOf = (sources: Record<string, string>): { program: ts.Program; files: string[] } => {
      const files = Object.keys(sources).map((name) => join(dir, name));
      const host = ts.createCompilerHost(CHECKER_OPTIONS);
      const virtual = (file: string): string | undefined =>
        file.startsWith(`${dir}/`) ? sources[file.slice(dir.length + 1)] : undefined;
      const { getSourceFile, fileExists, readFile, directoryExists } = host;
      host.directoryExists = (path) => path === dir || (directoryExists?.call(host, path) ?? true);
      host.fileExists = (file) => virtual(file) !== undefined || fileExists.call(host, file);
      host.readFile = (file) => virtual(file) ?? readFile.call(host, file);
      host.getSourceFile = (file, language, ...rest) => {
        const text = virtual(file);
        return text === undefined
          ? getSourceFile.call(host, file, language, ...rest)
          : ts.createSourceFile(file, text, language, true);
      };
      return { program: ts.createProgram(files, CHECKER_OPTIONS, host), files };
    };
    const mismatches = (sources: Record<string, string>): string[] => {
      const { program, files } = programOf(sources);
      return eventTypeListMismatches(program, files).map((problem) => problem.slice(problem.indexOf('sample/')));
    };
    const EVENTS = [
      "export interface Opened { readonly type: 'Opened'; readonly data: { id: string } }",
      "export interface Closed { readonly type: 'Closed'; readonly data: { id: string } }",
      "export interface Renamed { readonly type: 'Renamed'; readonly data: { name: string } }",
      'export type DoorEvent = Opened | Closed | Renamed;',
    ].join('\n');

    it('accepts complete lists: annotated, `as const satisfies`, by name, through constants and spreads', () => {
      expect(
        mismatches({
          'door.events.ts': [
            EVENTS,
            "export const RENAMED = 'Renamed' as const;",
            "export const DOOR_EVENT_TYPES: readonly DoorEvent['type'][] = ['Opened', 'Closed', RENAMED];",
            "export const SATISFIED_EVENT_TYPES = ['Opened', 'Closed', 'Renamed'] as const satisfies readonly DoorEvent['type'][];",
            'export type WindowEvent = Opened | Closed;',
            "export const WINDOW_EVENT_TYPES = ['Opened', 'Closed'] as const;",
          ].join('\n'),
          'house.events.ts': [
            "import { DOOR_EVENT_TYPES } from './door.events.js';",
            "export const HOUSE_EVENT_TYPES: readonly ('Opened' | 'Closed' | 'Renamed' | 'Sold')[] = [...DOOR_EVENT_TYPES, 'Sold'];",
          ].join('\n'),
        }),
      ).toEqual([]);
    });

    it('reports a missing member, one listed twice and one the union lacks, whichever way the list is typed', () => {
      expect(
        mismatches({
          'door.events.ts': [
            EVENTS,
            "export const DOOR_EVENT_TYPES: readonly DoorEvent['type'][] = ['Opened', 'Closed', 'Opened'];",
            "export const SATISFIED_EVENT_TYPES = ['Opened', 'Renamed'] as const satisfies readonly DoorEvent['type'][];",
            "export const DOOR_EVENT_TYPES_UNTYPED = ['Opened'];",
            "export const WINDOW_EVENT_TYPES = ['Opened', 'Closed', 'Renamed', 'Broken'] as const;",
            'export type WindowEvent = Opened | Closed | Renamed;',
          ].join('\n'),
        }),
      ).toEqual([
        'sample/door.events.ts DOOR_EVENT_TYPES misses Renamed',
        'sample/door.events.ts DOOR_EVENT_TYPES lists Opened twice',
        'sample/door.events.ts SATISFIED_EVENT_TYPES misses Closed',
        'sample/door.events.ts WINDOW_EVENT_TYPES lists Broken, not in its union',
      ]);
    });

    it('reports a list it cannot check rather than passing it', () => {
      expect(
        mismatches({
          'door.events.ts': [
            EVENTS,
            'declare const somewhere: string[];',
            "export const DOOR_EVENT_TYPES: readonly string[] = ['Opened', 'Closed', 'Renamed'];",
            "export const PORCH_EVENT_TYPES = ['Opened'] as const;",
            "export const GARDEN_EVENT_TYPES: readonly DoorEvent['type'][] = [...somewhere] as DoorEvent['type'][];",
          ].join('\n'),
        }),
      ).toEqual([
        'sample/door.events.ts DOOR_EVENT_TYPES is typed readonly string[], not a list of event type names',
        expect.stringMatching(
          /^sample\/door\.events\.ts PORCH_EVENT_TYPES has no type annotation and .* declares no PorchEvent union$/,
        ),
        'sample/door.events.ts GARDEN_EVENT_TYPES spreads somewhere, which is not a list literal',
      ]);
    });
  });
});
