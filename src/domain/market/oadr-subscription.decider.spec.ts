import { anOadrSubscription } from '#test/builders/market.js';
import { DeciderSpecification } from '#test/support/decider-spec.js';
import { MarketConflictError, MarketObjectNotFoundError } from './market.errors.js';
import { oadrSubscriptionDecider, type OadrSubscriptionCommand } from './oadr-subscription.decider.js';
import type { StoredSubscription } from './oadr-subscription.events.js';

const AT = '2026-12-07T10:00:00.000Z';
const given = DeciderSpecification.for(oadrSubscriptionDecider);
const content = anOadrSubscription().data.content;
const forProgram: StoredSubscription = { ...content, programID: 'p-1' };

describe('OpenADR subscription decider', () => {
  it('Given nothing, When creating, Then OadrSubscriptionCreated', () => {
    given().when({ type: 'CreateOadrSubscription', data: anOadrSubscription().data }).then([anOadrSubscription()]);
  });

  it("Given nothing, When the programID names no program of the caller's provider, Then a conflict", () => {
    const create = (providerId: string | null, published: boolean): OadrSubscriptionCommand => ({
      type: 'CreateOadrSubscription',
      data: {
        ...anOadrSubscription().data,
        content: forProgram,
        program: { programId: 'p-1', providerId, published, payloadTypes: [] },
      },
    });
    given().when(create('prov-b', true)).thenThrows(MarketConflictError);
    given().when(create(null, false)).thenThrows(MarketConflictError);
    given()
      .when(create('prov-a', true))
      .then([anOadrSubscription({ content: forProgram })]);
  });

  it('Given a subscription, When its provider revises then deletes it, Then Revised and Deleted; another provider finds none', () => {
    const revise = (providerId: string): OadrSubscriptionCommand => ({
      type: 'ReviseOadrSubscription',
      data: { subscriptionId: 's-1', providerId, content: { ...content, clientName: 'renamed' }, at: AT },
    });
    const del = (providerId: string): OadrSubscriptionCommand => ({
      type: 'DeleteOadrSubscription',
      data: { subscriptionId: 's-1', providerId, at: AT },
    });
    given(anOadrSubscription())
      .when(revise('prov-a'))
      .then([
        {
          type: 'OadrSubscriptionRevised',
          data: { subscriptionId: 's-1', content: { ...content, clientName: 'renamed' }, at: AT },
        },
      ]);
    given(anOadrSubscription()).when(revise('prov-b')).thenThrows(MarketObjectNotFoundError);
    given(anOadrSubscription()).when(del('prov-b')).thenThrows(MarketObjectNotFoundError);
    const deleted = { type: 'OadrSubscriptionDeleted' as const, data: { subscriptionId: 's-1', at: AT } };
    given(anOadrSubscription()).when(del('prov-a')).then([deleted]);
    given(anOadrSubscription(), deleted).when(del('prov-a')).thenThrows(MarketObjectNotFoundError);
  });
});
