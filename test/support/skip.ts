type Describe = (title: string, body: () => void) => void;

/**
 * `describe` when what the block needs is there. Otherwise Jest registers the block as skipped, with the reason in
 * its title, so the run reports those specs as skipped and says why (the summary reporter lists the reasons) instead
 * of passing them silently. Hooks of a skipped block do not run, so the specs need no guards of their own.
 */
export function describeOrSkip(skipReason: string | undefined): Describe {
  if (skipReason === undefined) return describe;
  return (title, body) => describe.skip(`${title} — skipped: ${skipReason}`, body);
}
