import { fold, type Decider } from '../../src/domain/shared/decider.js';

/** What `toThrow` accepts: an error class, an error whose message must match, a message or a pattern. */
export type ThrowExpectation = Parameters<jest.Matchers<unknown>['toThrow']>[0];

export interface DeciderThen<Event> {
  /** The events decided, compared with `toEqual` (so asymmetric matchers work), or checked by a function. */
  then(expected: readonly Event[] | ((events: Event[]) => void)): void;
  /** The decision is refused; with `message`, the error's message is checked too. */
  thenThrows(error: ThrowExpectation, message?: string | RegExp): void;
}

export interface DeciderGiven<State, Command, Event> {
  /** The state the events given leave behind, for a spec about evolve itself. */
  readonly state: State;
  when(command: Command): DeciderThen<Event>;
}

/**
 * Given events / When command / Then events (or Then throws), for any decider:
 *
 *   const given = DeciderSpecification.for(gatewayDecider);
 *   given(aRegisteredGateway()).when(rotate).then([keyRotated]);
 */
export const DeciderSpecification = {
  for<State, Command, Event>(
    decider: Decider<State, Command, Event>,
  ): (...events: Event[]) => DeciderGiven<State, Command, Event> {
    return (...events) => {
      const state = fold(decider, events);
      return {
        state,
        when(command) {
          const decide = (): Event[] => decider.decide(command, state);
          return {
            then(expected) {
              if (typeof expected === 'function') expected(decide());
              else expect(decide()).toEqual(expected);
            },
            thenThrows(error, message) {
              expect(decide).toThrow(error);
              if (message !== undefined) expect(decide).toThrow(message);
            },
          };
        },
      };
    };
  },
};
