import { matchingCallbacks, type ObjectChange, type SubscriptionInterest } from './oadr-notification-matching.js';

const subscription = (content: Partial<SubscriptionInterest['content']> = {}): SubscriptionInterest => ({
  subscriptionId: 's1',
  providerId: 'grid-co',
  content: {
    clientName: 'bl',
    objectOperations: [
      {
        objects: ['EVENT'],
        operations: ['CREATE', 'DELETE'],
        callbackUrl: 'https://a/cb',
        bearerTokenFingerprint: 'f1',
      },
    ],
    ...content,
  },
});

const change = (over: Partial<ObjectChange> = {}): ObjectChange => ({
  objectType: 'EVENT',
  objectId: 'e1',
  operation: 'CREATE',
  providerId: 'grid-co',
  programId: 'p1',
  targets: ['zone:north', 'group:a'],
  object: { id: 'e1' },
  ...over,
});

describe('which subscriptions hear of an OpenADR change', () => {
  it('sends a matching object type and operation to the callback with its token', () => {
    expect(matchingCallbacks(subscription(), change())).toEqual([
      { callbackUrl: 'https://a/cb', bearerTokenFingerprint: 'f1' },
    ]);
  });

  it('ignores other operations, other object types and READ', () => {
    expect(matchingCallbacks(subscription(), change({ operation: 'UPDATE' }))).toEqual([]);
    expect(matchingCallbacks(subscription(), change({ objectType: 'PROGRAM', objectId: 'p1' }))).toEqual([]);
  });

  it("never tells a utility of another utility's objects", () => {
    expect(matchingCallbacks(subscription(), change({ providerId: 'other-co' }))).toEqual([]);
  });

  it('filters by programID: other programs are out, objects without a program are not filtered', () => {
    const ofP1 = subscription({
      programID: 'p1',
      objectOperations: [{ objects: ['EVENT', 'PROGRAM', 'VEN'], operations: ['CREATE'], callbackUrl: 'https://a' }],
    });
    expect(matchingCallbacks(ofP1, change())).toHaveLength(1);
    expect(matchingCallbacks(ofP1, change({ programId: 'p2' }))).toEqual([]);
    expect(matchingCallbacks(ofP1, change({ objectType: 'PROGRAM', objectId: 'p2', programId: 'p2' }))).toEqual([]);
    const { programId: _none, ...withoutProgram } = change({ objectType: 'VEN', objectId: 'v1' });
    expect(matchingCallbacks(ofP1, withoutProgram)).toHaveLength(1);
  });

  it('filters by targets: the object must hold every target named', () => {
    expect(matchingCallbacks(subscription({ targets: ['zone:north'] }), change())).toHaveLength(1);
    expect(matchingCallbacks(subscription({ targets: ['zone:north', 'zone:south'] }), change())).toEqual([]);
    expect(matchingCallbacks(subscription({ targets: ['zone:north'] }), change({ targets: [] }))).toEqual([]);
  });

  it('sends once per callback URL, and takes new object types by name', () => {
    const twice = subscription({
      objectOperations: [
        { objects: ['REPORT'], operations: ['CREATE'], callbackUrl: 'https://a/r', bearerTokenFingerprint: 'f1' },
        { objects: ['REPORT', 'EVENT'], operations: ['CREATE'], callbackUrl: 'https://a/r' },
        { objects: ['REPORT'], operations: ['CREATE'], callbackUrl: 'https://a/other' },
      ],
    });
    expect(matchingCallbacks(twice, change({ objectType: 'REPORT', objectId: 'r1' }))).toEqual([
      { callbackUrl: 'https://a/r', bearerTokenFingerprint: 'f1' },
      { callbackUrl: 'https://a/other' },
    ]);
  });

  it('does not tell a subscription of its own changes', () => {
    const watching = subscription({
      objectOperations: [{ objects: ['SUBSCRIPTION'], operations: ['UPDATE'], callbackUrl: 'https://a' }],
    });
    const { programId: _p, ...own } = change({ objectType: 'SUBSCRIPTION', objectId: 's1', operation: 'UPDATE' });
    expect(matchingCallbacks(watching, own)).toEqual([]);
    expect(matchingCallbacks(watching, { ...own, objectId: 's2' })).toHaveLength(1);
  });
});
