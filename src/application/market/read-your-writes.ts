/** Wakes the projection runners so a write just appended reaches the read models now, not at their next pass. */
export interface ProjectionWake {
  poke(): void;
}

export const PROJECTION_WAKE = Symbol('ProjectionWake');

/** First look again after 5 ms, then less often (up to every 50 ms): many writers must not crowd the projection. */
const FIRST_STEP_MS = 5;
const LONGEST_STEP_MS = 50;
const GIVE_UP_MS = 10_000;

/**
 * Waits until `reached` says the read model shows a write (its row at the appended revision, or gone), so the
 * writer's next read sees it: an OpenADR client reads back what it just created. Gives up after 10 s (the write
 * stands; only the read-back may lag), which happens only when the projection is stalled.
 */
export async function untilProjected(wake: ProjectionWake, reached: () => Promise<boolean>): Promise<void> {
  wake.poke();
  const started = performance.now();
  let step = FIRST_STEP_MS;
  while (!(await reached())) {
    if (performance.now() - started > GIVE_UP_MS) return;
    await new Promise((resolve) => setTimeout(resolve, step));
    step = Math.min(step * 2, LONGEST_STEP_MS);
  }
}
