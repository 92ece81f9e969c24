import { aDayAheadPriceSignal, aPublishedGridSignal, aRevisedGridSignal } from '#test/builders/market.js';
import { DeciderSpecification } from '#test/support/decider-spec.js';
import { gridSignalDecider, type GridSignalCommand, type ReferencedProgram } from './grid-signal.decider.js';
import { InvalidMarketInputError, MarketConflictError, MarketObjectNotFoundError } from './market.errors.js';
import type { GridSignalContent } from './openadr-objects.js';

const AT = '2026-12-07T10:00:00.000Z';
const given = DeciderSpecification.for(gridSignalDecider);
const program = (overrides: Partial<ReferencedProgram> = {}): ReferencedProgram => ({
  programId: 'p-1',
  providerId: 'prov-a',
  published: true,
  payloadTypes: ['PRICE'],
  ...overrides,
});
const publish = (content: GridSignalContent, referenced = program()): GridSignalCommand => ({
  type: 'PublishGridSignal',
  data: { eventId: 'e-1', providerId: 'prov-a', program: referenced, content, at: AT },
});
const revise = (content: GridSignalContent, providerId = 'prov-a'): GridSignalCommand => ({
  type: 'ReviseGridSignal',
  data: { eventId: 'e-1', providerId, program: program(), content, at: AT },
});
const zeroed: GridSignalContent = {
  programID: 'p-1',
  intervalPeriod: { start: '0001-01-01', duration: 'PT0S' },
  intervals: [],
};

describe('grid signal decider', () => {
  it('Given nothing, When a payload type is unknown or its values do not fit, Then invalid input', () => {
    const withPayload = (type: string, values: (number | string)[]): GridSignalContent => ({
      programID: 'p-1',
      intervals: [{ id: 0, payloads: [{ type, values }] }],
    });
    given()
      .when(publish(withPayload('PRICES', [1])))
      .thenThrows(InvalidMarketInputError, /PRICES is not an OpenADR/);
    given()
      .when(publish(withPayload('PRICE', ['cheap'])))
      .thenThrows(InvalidMarketInputError, /must be numbers/);
    given()
      .when(publish(withPayload('SIMPLE', [4])))
      .thenThrows(InvalidMarketInputError, /levels 0 to 3/);
    given()
      .when(publish(withPayload('ALERT_FIRE', [1])))
      .thenThrows(InvalidMarketInputError, /human-readable/);
    given()
      .when(publish(withPayload('X_TEMPERATURE_FORECAST', [-3.5])))
      .then((events) => expect(events.map((e) => e.type)).toEqual(['GridSignalPublished']));
    given()
      .when(publish(withPayload('LOCAL_TARIFF', [1]), program({ payloadTypes: ['LOCAL_TARIFF'] })))
      .then((events) => expect(events.map((e) => e.type)).toEqual(['GridSignalPublished']));
  });

  it('Given nothing, When publishing in a program of the same provider, Then GridSignalPublished', () => {
    given()
      .when(publish(aDayAheadPriceSignal('p-1', 4)))
      .then([aPublishedGridSignal()]);
  });

  it("Given nothing, When the program is missing, withdrawn or another provider's, Then a conflict (broken reference)", () => {
    const content = aDayAheadPriceSignal('p-1', 4);
    given()
      .when(publish(content, program({ published: false, providerId: null })))
      .thenThrows(MarketConflictError);
    given()
      .when(publish(content, program({ published: false })))
      .thenThrows(MarketConflictError);
    given()
      .when(publish(content, program({ providerId: 'prov-b' })))
      .thenThrows(MarketConflictError);
  });

  it('Given a published signal, When revised twice, Then the revisions count up', () => {
    const next = aDayAheadPriceSignal('p-1', 8);
    given(aPublishedGridSignal())
      .when(revise(next))
      .then([aRevisedGridSignal(next, 1)]);
    given(aPublishedGridSignal(), aRevisedGridSignal(next, 1))
      .when(revise(next))
      .then([aRevisedGridSignal(next, 2)]);
  });

  it('Given a published signal, When revised to start 0001-01-01 for PT0S, Then it is revised and withdrawn as zeroed', () => {
    given(aPublishedGridSignal())
      .when(revise(zeroed))
      .then([
        aRevisedGridSignal(zeroed, 1),
        { type: 'GridSignalWithdrawn', data: { eventId: 'e-1', at: AT, mode: 'zeroed' } },
      ]);
  });

  it('Given a published signal, When another provider revises or deletes it, Then it is not found', () => {
    given(aPublishedGridSignal()).when(revise(zeroed, 'prov-b')).thenThrows(MarketObjectNotFoundError);
    given(aPublishedGridSignal())
      .when({ type: 'DeleteGridSignal', data: { eventId: 'e-1', providerId: 'prov-b', at: AT } })
      .thenThrows(MarketObjectNotFoundError);
  });

  it('Given a deleted signal, When deleted again or revised, Then it is not found', () => {
    const deleted = {
      type: 'GridSignalWithdrawn' as const,
      data: { eventId: 'e-1', at: AT, mode: 'deleted' as const },
    };
    const del: GridSignalCommand = { type: 'DeleteGridSignal', data: { eventId: 'e-1', providerId: 'prov-a', at: AT } };
    given(aPublishedGridSignal()).when(del).then([deleted]);
    given(aPublishedGridSignal(), deleted).when(del).thenThrows(MarketObjectNotFoundError);
    given(aPublishedGridSignal(), deleted).when(revise(zeroed)).thenThrows(MarketObjectNotFoundError);
  });
});
