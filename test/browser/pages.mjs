// Every page of the UI, in the order the screenshots are taken. The accessibility check (axe-core) and the
// screenshots at 1280×800 and 390×844 run over this list, so a new page is one entry here:
// - name: the screenshot files are test-results/screenshots/<name>-desktop.png and <name>-phone.png;
// - path: where the page is, given the seeded objects (`seed`, see ui.test.mjs);
// - heading: the level-1 heading that shows once the page is there;
// - ready: optionally, a selector to wait for too (data loaded, a chart drawn);
// - open: optionally, what to do before the check and the screenshot (expand a section).
// Keep README.md's list of screenshots in step.
export const PAGES = [
  { name: 'now', path: () => '/', heading: 'Now', ready: '.untracked' },
  {
    name: 'sensor',
    path: (seed) => `/sensors/${encodeURIComponent(seed.power)}`,
    heading: (seed) => seed.powerLabel,
    ready: '.chart[data-render-ms], .empty',
  },
  {
    name: 'sensor-table',
    path: (seed) => `/sensors/${encodeURIComponent(seed.power)}`,
    heading: (seed) => seed.powerLabel,
    ready: '.chart[data-render-ms], .empty',
    open: async (p) => {
      await p.getByRole('button', { name: 'Show as table' }).click();
      await p.locator('.chart-box table').waitFor();
    },
  },
  { name: 'switches', path: () => '/switches', heading: 'Switches', ready: 'table' },
  {
    name: 'switches-history',
    path: () => '/switches',
    heading: 'Switches',
    ready: 'table',
    open: async (p, seed) => {
      await p.getByRole('button', { name: `Command history of ${seed.switchLabel}` }).click();
      await p
        .locator('.timeline-row')
        .getByText(/No command was ever sent|by /)
        .first()
        .waitFor();
    },
  },
  { name: 'alarms', path: () => '/alarms', heading: 'Alarms' },
  { name: 'notifications', path: () => '/notifications', heading: 'Notifications', ready: '.empty, .cards' },
  { name: 'not-found', path: () => '/no-such-page', heading: 'Not found' },
];
