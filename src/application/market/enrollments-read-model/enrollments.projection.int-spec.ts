import { anAcceptedEnrollment } from '#test/builders/market.js';
import { describeProjection } from '#test/support/projection-spec.js';
import { enrollmentsProjection } from './enrollments.projection.js';
import { enrollmentRowRevision, liveEnrollmentIn, selectOwnerEnrollments } from './enrollments.sql.js';
import { enrollmentOfVen, selectResources, selectVen, selectVens } from './vens.sql.js';

const LATER = '2026-12-07T12:00:00.000Z';
const page = { skip: 0, limit: 50 };

describeProjection('market_enrollments, oadr_vens and oadr_resources read models', enrollmentsProjection, (spec) => {
  it("Given enrollments in two providers' programs, paused, targeted and ended, Then each utility sees only its own live vens", async () => {
    await spec.given('enrollment-en-1', [
      anAcceptedEnrollment({
        resources: [
          { sensorId: 's-1', resourceId: 'r-1', resourceName: 'plug-a_c' },
          { sensorId: 's-2', resourceId: 'r-2', resourceName: 'plug-abc' },
        ],
      }),
      {
        type: 'ProgramEnrollmentPaused',
        data: { enrollmentId: 'en-1', until: null, reason: null, pausedBy: 'user:owner-a', at: LATER },
      },
      {
        type: 'ResourceTargetsAssigned',
        data: { enrollmentId: 'en-1', resourceId: 'r-2', targets: ['zone:nl'], assignedBy: 'client:c', at: LATER },
      },
    ]);
    await spec.given('enrollment-en-2', [
      anAcceptedEnrollment({
        enrollmentId: 'en-2',
        venId: 'v-2',
        venName: 'site-2',
        providerId: 'prov-b',
        programId: 'p-2',
        resources: [{ sensorId: 's-3', resourceId: 'r-3', resourceName: 'plug-3' }],
      }),
    ]);
    await spec.given('enrollment-en-3', [
      anAcceptedEnrollment({
        enrollmentId: 'en-3',
        venId: 'v-3',
        venName: 'site-3',
        resources: [{ sensorId: 's-4', resourceId: 'r-4', resourceName: 'plug-4' }],
      }),
      {
        type: 'ProgramEnrollmentEnded',
        data: { enrollmentId: 'en-3', endedBy: 'user:owner-a', reason: 'owner_left', at: LATER },
      },
    ]);
    await spec.project({ batchSize: 2 });
    const db = spec.backend.db;
    const vensA = await selectVens(db, { providerId: 'prov-a', ...page });
    expect(vensA).toEqual([
      {
        id: 'v-1',
        createdDateTime: '2026-12-07T10:00:00.000Z',
        modificationDateTime: LATER,
        objectType: 'VEN',
        clientID: 'wattlog-platform-ven',
        venName: 'site-0f3a',
        targets: [],
        attributes: [{ type: 'X_ENROLLMENT_STATUS', values: ['PAUSED'] }],
      },
    ]);
    expect(await selectVen(db, 'prov-a', 'v-2')).toBeUndefined();
    expect((await selectVens(db, { providerId: 'prov-b', ...page })).map((v) => v.id)).toEqual(['v-2']);
    expect((await selectVens(db, { providerId: 'prov-a', venName: 'site%', ...page })).length).toBe(0);
    const resources = await selectResources(db, { providerId: 'prov-a', ...page });
    expect(resources.map((r) => [r.id, r.resourceName, r.venID, r.targets])).toEqual([
      ['r-1', 'plug-a_c', 'v-1', []],
      ['r-2', 'plug-abc', 'v-1', ['zone:nl']],
    ]);
    expect(JSON.stringify(resources)).not.toContain('s-1');
    expect(
      (await selectResources(db, { providerId: 'prov-a', resourceName: 'plug-a_c', ...page })).map((r) => r.id),
    ).toEqual(['r-1']);
    expect(
      (await selectResources(db, { providerId: 'prov-a', targets: ['zone:nl'], ...page })).map((r) => r.id),
    ).toEqual(['r-2']);
    expect((await selectResources(db, { providerId: 'prov-a', skip: 1, limit: 1 })).map((r) => r.id)).toEqual(['r-2']);
    expect(await enrollmentOfVen(db, 'prov-b', 'v-1')).toBeUndefined();
    const owned = await selectOwnerEnrollments(db, 'owner-a');
    expect(owned.map((e) => [e.id, e.status])).toEqual([
      ['en-1', 'paused'],
      ['en-2', 'active'],
      ['en-3', 'ended'],
    ]);
    expect(await liveEnrollmentIn(db, 'owner-a', 'p-1')).toBe('en-1');
    expect(await enrollmentRowRevision(db, 'en-1')).toBe(2);
  });

  it('Given a live enrollment, When its program is withdrawn, Then its ven and resources leave every view and it ends', async () => {
    await spec.given('enrollment-en-1', [anAcceptedEnrollment()]);
    await spec.given('program-p-1', [
      { type: 'ProgramWithdrawn', data: { programId: 'p-1', withdrawnBy: 'client:c', at: LATER } },
    ]);
    await spec.project();
    const db = spec.backend.db;
    expect(await selectVens(db, { providerId: 'prov-a', ...page })).toEqual([]);
    expect(await selectResources(db, { providerId: 'prov-a', ...page })).toEqual([]);
    expect((await selectOwnerEnrollments(db, 'owner-a')).map((e) => e.status)).toEqual(['ended']);
    expect(await liveEnrollmentIn(db, 'owner-a', 'p-1')).toBeUndefined();
  });

  it('Given enrollments, When rebuilt, Then the same rows come back', async () => {
    await spec.given('enrollment-en-1', [anAcceptedEnrollment()]);
    await spec.project();
    const query = 'SELECT * FROM oadr_resources ORDER BY seq';
    const before = [await spec.rows(query), await spec.rows('SELECT * FROM market_enrollments ORDER BY seq')];
    await spec.rebuild();
    expect([await spec.rows(query), await spec.rows('SELECT * FROM market_enrollments ORDER BY seq')]).toEqual(before);
  });
});
