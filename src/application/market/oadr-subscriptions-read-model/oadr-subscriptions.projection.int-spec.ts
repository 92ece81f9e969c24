import { anOadrSubscription } from '#test/builders/market.js';
import { describeProjection } from '#test/support/projection-spec.js';
import { oadrSubscriptionsProjection } from './oadr-subscriptions.projection.js';
import { selectSubscription, selectSubscriptions, subscriptionRowRevision } from './oadr-subscriptions.sql.js';

const AT = '2026-12-07T11:00:00.000Z';

describeProjection('oadr_subscriptions read model', oadrSubscriptionsProjection, (spec) => {
  it('Given subscriptions created, revised and deleted, Then each provider reads its own, without bearer tokens', async () => {
    const base = anOadrSubscription().data.content;
    await spec.given('oadr-subscription-s-1', [
      anOadrSubscription({
        subscriptionId: 's-1',
        content: {
          ...base,
          objectOperations: [{ ...base.objectOperations[0]!, bearerTokenFingerprint: 'f1' }],
        },
      }),
    ]);
    await spec.given('oadr-subscription-s-2', [
      anOadrSubscription({ subscriptionId: 's-2' }),
      {
        type: 'OadrSubscriptionRevised',
        data: {
          subscriptionId: 's-2',
          at: AT,
          content: {
            clientName: 'c_2',
            programID: 'p-1',
            objectOperations: [{ objects: ['PROGRAM'], operations: ['UPDATE'], callbackUrl: 'https://u.example/p' }],
          },
        },
      },
    ]);
    await spec.given('oadr-subscription-s-3', [
      anOadrSubscription({ subscriptionId: 's-3' }),
      { type: 'OadrSubscriptionDeleted', data: { subscriptionId: 's-3', at: AT } },
    ]);
    await spec.given('oadr-subscription-s-4', [anOadrSubscription({ subscriptionId: 's-4', providerId: 'prov-b' })]);
    await spec.project({ batchSize: 2 });
    const db = spec.backend.db;
    const ids = async (filter: Partial<Parameters<typeof selectSubscriptions>[1]>) =>
      (await selectSubscriptions(db, { providerId: 'prov-a', skip: 0, limit: 50, ...filter })).map((s) => s.id);
    expect(await ids({})).toEqual(['s-1', 's-2']);
    expect(await ids({ programId: 'p-1' })).toEqual(['s-2']);
    expect(await ids({ clientName: 'c%' })).toEqual([]);
    expect(await ids({ clientName: 'c_2' })).toEqual(['s-2']);
    expect(await ids({ objects: ['EVENT'] })).toEqual(['s-1']);
    expect(await ids({ providerId: 'prov-b' })).toEqual(['s-4']);
    expect(await selectSubscription(db, 'prov-a', 's-1')).toEqual({
      id: 's-1',
      createdDateTime: '2026-12-07T10:00:00.000Z',
      modificationDateTime: '2026-12-07T10:00:00.000Z',
      objectType: 'SUBSCRIPTION',
      clientID: 'client-a',
      clientName: 'utility-a',
      objectOperations: [{ objects: ['EVENT'], operations: ['CREATE'], callbackUrl: 'https://utility.example/cb' }],
    });
    expect(await selectSubscription(db, 'prov-b', 's-1')).toBeUndefined();
    expect(await subscriptionRowRevision(db, 's-2')).toBe(1);
  });
});
