import { step, type Workflow } from '../../src/domain/shared/decider.js';
import type { ThrowExpectation } from './decider-spec.js';

export interface WorkflowThen<Event> {
  /** Every event the inputs caused, in order, compared with `toEqual`, or checked by a function. */
  then(expected: readonly Event[] | ((events: Event[]) => void)): void;
  /** An input is refused; with `message`, the error's message is checked too. */
  thenThrows(error: ThrowExpectation, message?: string | RegExp): void;
}

export interface WorkflowGiven<State, Input, Event> {
  /** The state the inputs given left behind. */
  readonly state: State;
  when(...inputs: Input[]): WorkflowThen<Event>;
}

/**
 * Given inputs / When inputs / Then events (or Then throws), for a workflow: unlike a decider's, its history is the
 * inputs it was given, since those move its state whether or not they caused an event. A `given` can be reused with
 * several `when`s; each starts from the same state.
 *
 *   const given = WorkflowSpecification.for(alarmWorkflow, () => alarmWorkflow.initialState(NODE, 'power_above'));
 *   given(apply(ceiling())).when(reading(3100, 0), reading(3200, 60)).then([raised]);
 */
export const WorkflowSpecification = {
  for<State, Input, Event>(
    workflow: Workflow<State, Input, Event>,
    initialState: () => State,
  ): (...inputs: Input[]) => WorkflowGiven<State, Input, Event> {
    return (...given) => {
      const state = given.reduce((current, input) => step(workflow, current, input).state, initialState());
      return {
        state,
        when(...inputs) {
          const run = (): Event[] => {
            const events: Event[] = [];
            let current = state;
            for (const input of inputs) {
              const next = step(workflow, current, input);
              events.push(...next.events);
              current = next.state;
            }
            return events;
          };
          return {
            then(expected) {
              if (typeof expected === 'function') expected(run());
              else expect(run()).toEqual(expected);
            },
            thenThrows(error, message) {
              expect(run).toThrow(error);
              if (message !== undefined) expect(run).toThrow(message);
            },
          };
        },
      };
    };
  },
};
