/**
 * The shape every aggregate of the domain takes: state is a fold of the stream's events, and a command is decided
 * against that state into new events (or a typed error). Nothing here reads a clock or draws a random number: time
 * and generated values arrive on the command.
 */
export interface Decider<State, Command, Event> {
  readonly decide: (command: Command, state: State) => Event[];
  readonly evolve: (state: State, event: Event) => State;
  readonly initialState: () => State;
}

/** The state a decider reaches after the given events, in order. */
export function fold<State, Event>(
  decider: Pick<Decider<State, unknown, Event>, 'evolve' | 'initialState'>,
  events: readonly Event[],
): State {
  return events.reduce(decider.evolve, decider.initialState());
}

/**
 * A process that keeps its own state from the commands it is given (its inputs) as well as the events it decides:
 * alarm evaluation remembers each reading whether or not it raised anything. `step` is one input in, the events it
 * decided and the state after both out.
 */
export interface Workflow<State, Input, Event> {
  readonly decide: (input: Input, state: State) => Event[];
  /** What the input alone teaches the workflow (before any event it decides is applied). */
  readonly note: (state: State, input: Input) => State;
  readonly evolve: (state: State, event: Event) => State;
}

export function step<State, Input, Event>(
  workflow: Workflow<State, Input, Event>,
  state: State,
  input: Input,
): { readonly events: Event[]; readonly state: State } {
  const events = workflow.decide(input, state);
  return { events, state: events.reduce(workflow.evolve, workflow.note(state, input)) };
}

/** The default branch of an exhaustive switch: the compiler proves it unreachable; it throws if data says otherwise. */
export function assertNever(value: never): never {
  throw new Error(`unhandled case: ${JSON.stringify(value)}`);
}
