import { aDayAheadPriceSignal, aPublishedGridSignal, aRevisedGridSignal } from '#test/builders/market.js';
import { describeProjection } from '#test/support/projection-spec.js';
import { gridSignalsProjection } from './grid-signals.projection.js';
import { eventRowRevision, selectEvent, selectEvents } from './grid-signals.sql.js';

const AT = '2026-12-07T10:00:00.000Z';

describeProjection('oadr_events read model', gridSignalsProjection, (spec) => {
  it('Given signals of two programs and providers, Then filters are equalities and pages keep publication order', async () => {
    await spec.given('grid-signal-e-1', [
      aPublishedGridSignal({ eventId: 'e-1', programId: 'a_c', content: aDayAheadPriceSignal('a_c', 4) }),
    ]);
    await spec.given('grid-signal-e-2', [
      aPublishedGridSignal({ eventId: 'e-2', programId: 'abc', content: aDayAheadPriceSignal('abc', 4) }),
    ]);
    await spec.given('grid-signal-e-3', [
      aPublishedGridSignal({
        eventId: 'e-3',
        programId: 'abc',
        providerId: 'prov-b',
        content: aDayAheadPriceSignal('abc', 4),
      }),
    ]);
    await spec.given('grid-signal-e-4', [
      aPublishedGridSignal({
        eventId: 'e-4',
        programId: 'a_c',
        content: aDayAheadPriceSignal('a_c', 4, '2026-12-01T00:00:00Z'),
      }),
    ]);
    await spec.project({ batchSize: 3 });
    const db = spec.backend.db;
    const ids = async (filter: Parameters<typeof selectEvents>[1]) => (await selectEvents(db, filter)).map((e) => e.id);
    expect(await ids({ providerId: 'prov-a', skip: 0, limit: 50 })).toEqual(['e-1', 'e-2', 'e-4']);
    expect(await ids({ providerId: 'prov-a', programId: 'a_c', skip: 0, limit: 50 })).toEqual(['e-1', 'e-4']);
    expect(await ids({ providerId: 'prov-a', programId: 'a%', skip: 0, limit: 50 })).toEqual([]);
    expect(await ids({ providerId: 'prov-a', activeAt: '2026-12-07T12:00:00Z', skip: 0, limit: 50 })).toEqual([
      'e-1',
      'e-2',
    ]);
    expect(await ids({ providerId: 'prov-a', skip: 1, limit: 1 })).toEqual(['e-2']);
    expect(await ids({ providerId: 'prov-b', skip: 0, limit: 50 })).toEqual(['e-3']);
    expect(await selectEvent(db, 'prov-b', 'e-1')).toBeUndefined();
    expect(await selectEvent(db, 'prov-a', 'e-1')).toMatchObject({ id: 'e-1', objectType: 'EVENT', programID: 'a_c' });
  });

  it('Given a revision, a zeroing and a delete, Then the row follows; a withdrawn program takes its events along', async () => {
    const zeroed = { programID: 'p-1', intervalPeriod: { start: '0001-01-01', duration: 'PT0S' }, intervals: [] };
    await spec.given('grid-signal-e-1', [
      aPublishedGridSignal({ eventId: 'e-1' }),
      aRevisedGridSignal(zeroed, 1, 'e-1'),
      { type: 'GridSignalWithdrawn', data: { eventId: 'e-1', at: AT, mode: 'zeroed' } },
    ]);
    await spec.given('grid-signal-e-2', [
      aPublishedGridSignal({ eventId: 'e-2' }),
      { type: 'GridSignalWithdrawn', data: { eventId: 'e-2', at: AT, mode: 'deleted' } },
    ]);
    await spec.given('grid-signal-e-3', [
      aPublishedGridSignal({ eventId: 'e-3', programId: 'p-9', content: aDayAheadPriceSignal('p-9', 2) }),
    ]);
    await spec.given('program-p-9', [
      { type: 'ProgramWithdrawn', data: { programId: 'p-9', withdrawnBy: 'c', at: AT } },
    ]);
    await spec.project();
    const db = spec.backend.db;
    expect(await selectEvent(db, 'prov-a', 'e-1')).toMatchObject({ intervalPeriod: { start: '0001-01-01' } });
    expect(await eventRowRevision(db, 'e-1')).toBe(2);
    expect(
      (await selectEvents(db, { providerId: 'prov-a', activeAt: AT, skip: 0, limit: 50 })).map((e) => e.id),
    ).toEqual([]);
    expect(await selectEvent(db, 'prov-a', 'e-2')).toBeUndefined();
    expect(await selectEvent(db, 'prov-a', 'e-3')).toBeUndefined();
  });
});
