import { aSubmittedReport } from '#test/builders/market.js';
import { describeProjection } from '#test/support/projection-spec.js';
import { reportsProjection } from './reports.projection.js';
import { selectReport, selectReports } from './reports.sql.js';

const LATER = '2026-12-07T12:00:00.000Z';
const page = { skip: 0, limit: 50 };

describeProjection('oadr_reports read model', reportsProjection, (spec) => {
  it('Given reports of two providers, revised and withdrawn, Then each utility reads its own, filtered by equality', async () => {
    const first = aSubmittedReport();
    await spec.given('ven-report-rep-1', [
      first,
      {
        type: 'VenReportRevised',
        data: { reportId: 'rep-1', content: { ...first.data.content, reportName: 'v2' }, at: LATER },
      },
    ]);
    await spec.given('ven-report-rep-2', [
      aSubmittedReport({ reportId: 'rep-2', providerId: 'prov-b', programId: 'p-2' }),
    ]);
    // Report names may repeat: keyed by id, never by name.
    await spec.given('ven-report-rep-3', [
      aSubmittedReport({ reportId: 'rep-3', content: { ...first.data.content, eventID: 'e_2' } }),
    ]);
    await spec.given('ven-report-rep-4', [
      aSubmittedReport({ reportId: 'rep-4' }),
      { type: 'VenReportWithdrawn', data: { reportId: 'rep-4', at: LATER } },
    ]);
    await spec.project({ batchSize: 2 });
    const db = spec.backend.db;
    const own = await selectReports(db, { providerId: 'prov-a', ...page });
    expect(own.map((r) => r.id)).toEqual(['rep-1', 'rep-3']);
    expect(own[0]).toMatchObject({
      objectType: 'REPORT',
      clientID: 'wattlog-ven',
      reportName: 'v2',
      modificationDateTime: LATER,
    });
    expect((await selectReports(db, { providerId: 'prov-a', eventId: 'e_2', ...page })).map((r) => r.id)).toEqual([
      'rep-3',
    ]);
    expect((await selectReports(db, { providerId: 'prov-a', eventId: 'e-2', ...page })).map((r) => r.id)).toEqual([]);
    expect((await selectReports(db, { providerId: 'prov-a', programId: 'p-2', ...page })).map((r) => r.id)).toEqual([]);
    expect(await selectReport(db, 'prov-a', 'rep-2')).toBeUndefined();
    expect(await selectReport(db, 'prov-b', 'rep-2')).toMatchObject({ id: 'rep-2' });
  });

  it('Given a report, When its program is withdrawn, Then it is gone', async () => {
    await spec.given('ven-report-rep-1', [aSubmittedReport()]);
    await spec.given('program-p-1', [
      { type: 'ProgramWithdrawn', data: { programId: 'p-1', withdrawnBy: 'c', at: LATER } },
    ]);
    await spec.project();
    expect(await selectReports(spec.backend.db, { providerId: 'prov-a', ...page })).toEqual([]);
  });
});
