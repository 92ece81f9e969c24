import { aPriceProgram, aPublishedProgram } from '#test/builders/market.js';
import { describeProjection } from '#test/support/projection-spec.js';
import { programsProjection } from './programs.projection.js';
import { programIdByName, programRowRevision, selectProgram, selectPrograms } from './programs.sql.js';

const LATER = '2026-12-07T12:00:00.000Z';

describeProjection('oadr_programs read model', programsProjection, (spec) => {
  it('Given programs of two providers, revised and withdrawn, Then each provider lists its own in publication order', async () => {
    await spec.given('program-p-1', [
      aPublishedProgram({ programId: 'p-1', content: aPriceProgram({ programName: 'a_c' }) }),
    ]);
    await spec.given('program-p-2', [
      aPublishedProgram({ programId: 'p-2', providerId: 'prov-b', content: aPriceProgram({ programName: 'b' }) }),
    ]);
    await spec.given('program-p-3', [
      aPublishedProgram({ programId: 'p-3', content: aPriceProgram({ programName: 'abc', targets: ['zone:nl'] }) }),
      {
        type: 'ProgramRevised',
        data: {
          programId: 'p-3',
          content: aPriceProgram({ programName: 'abc2', targets: ['zone:nl', 'group:x'] }),
          revisedBy: 'c',
          at: LATER,
        },
      },
    ]);
    await spec.given('program-p-4', [
      aPublishedProgram({ programId: 'p-4', content: aPriceProgram({ programName: 'gone' }) }),
      { type: 'ProgramWithdrawn', data: { programId: 'p-4', withdrawnBy: 'c', at: LATER } },
    ]);
    await spec.project({ batchSize: 2 });
    const db = spec.backend.db;
    const own = await selectPrograms(db, { providerId: 'prov-a', skip: 0, limit: 50 });
    expect(own.map((p) => [p.id, p.programName])).toEqual([
      ['p-1', 'a_c'],
      ['p-3', 'abc2'],
    ]);
    expect(own[1]).toMatchObject({
      objectType: 'PROGRAM',
      createdDateTime: '2026-12-07T10:00:00.000Z',
      modificationDateTime: LATER,
      targets: ['zone:nl', 'group:x'],
    });
    expect(
      (await selectPrograms(db, { providerId: 'prov-a', targets: ['zone:nl'], skip: 0, limit: 50 })).map((p) => p.id),
    ).toEqual(['p-3']);
    expect((await selectPrograms(db, { providerId: 'prov-a', skip: 1, limit: 1 })).map((p) => p.id)).toEqual(['p-3']);
    expect(await selectProgram(db, 'prov-a', 'p-2')).toBeUndefined();
    expect(await selectProgram(db, 'prov-b', 'p-2')).toMatchObject({ id: 'p-2', programName: 'b' });
    expect(await programIdByName(db, 'a_c')).toBe('p-1');
    expect(await programIdByName(db, 'a%')).toBeUndefined();
    expect(await programIdByName(db, 'gone')).toBeUndefined();
    expect(await programRowRevision(db, 'p-3')).toBe(1);
    expect(await programRowRevision(db, 'p-4')).toBe(-1);
  });

  it('Given programs, When rebuilt, Then the same rows come back', async () => {
    await spec.given('program-p-1', [aPublishedProgram()]);
    await spec.project();
    const before = await spec.rows('SELECT * FROM oadr_programs ORDER BY seq');
    await spec.rebuild();
    expect(await spec.rows('SELECT * FROM oadr_programs ORDER BY seq')).toEqual(before);
  });
});
