/* global document, setTimeout, window */
// The web UI in Debian's Chromium against the built server: serving, login, session across reloads, live readings,
// tenant isolation, accessibility (axe) and screenshots of every page at desktop and phone sizes.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { chromiumMajor, expectAccessible, launch, logIn as logInAt, skip } from './browser.mjs';
import { PAGES } from './pages.mjs';

const SHOTS = new URL('../../test-results/screenshots/', import.meta.url);
// Evaluated through the DevTools protocol: a script tag would be (rightly) refused by the page's CSP.
const A_POWER = 'ui:meter-a/power';
const A_ENERGY = 'ui:meter-a/energyImported';
const A_SWITCH = 'ui:plug-a/1/switchState';
const B_POWER = 'ui:meter-b/power';
// A zigbee2mqtt relay (the driver has a switch command for it) whose gateway never connects: its commands get stuck.
const A_RELAY = 'zigbee2mqtt:gw-ui-a/relay-a/switchState';
const A_RELAY_LABEL = 'gw-ui-a · relay-a · switchState';
// The screenshots' clock: every page believes it is this instant (data is seeded around it), so they come out alike.
const FIXED_NOW = new Date('2026-12-07T12:00:00Z');
const SEED = { power: A_POWER, powerLabel: 'meter-a · power', switchLabel: 'plug-a · 1 · switchState' };

describe('web UI in Chromium', () => {
  let browser;
  let noBrowser;
  let app;
  let alice;
  let bob;
  const consoleErrors = [];

  before(async () => {
    if (skip) return;
    // Held, not thrown: a hook failure reads as cancelled tests, a missing browser under CI must read as failed ones.
    try {
      browser = await launch();
    } catch (error) {
      noBrowser = error;
      return;
    }
    const { startApp } = await import('./app-server.mjs');
    app = await startApp();
    console.log(`# chromium ${chromiumMajor()} (${browser.version()})`);
    [alice, bob] = await Promise.all([app.aUser('alice'), app.aUser('bob')]);
    await app.aGateway('gw-ui-a', alice.userId);
    await app.aGateway('gw-ui-b', bob.userId);
    await app.report('gw-ui-a', [
      { sensorId: A_POWER, nodeId: 'ui:meter-a', quantity: 'power', unit: 'W', value: 412 },
      { sensorId: A_ENERGY, nodeId: 'ui:meter-a', quantity: 'energyImported', unit: 'kWh', value: 1234.5 },
      { sensorId: A_SWITCH, nodeId: 'ui:plug-a', quantity: 'switchState', unit: '1', value: 1 },
      { sensorId: 'ui:plug-a/1/power', nodeId: 'ui:plug-a', quantity: 'power', unit: 'W', value: 120 },
      { sensorId: 'dsmr:p1-a/power', nodeId: 'dsmr:p1-a', quantity: 'power', unit: 'W', value: 1500 },
      { sensorId: A_RELAY, nodeId: 'zigbee2mqtt:gw-ui-a/relay-a', quantity: 'switchState', unit: '1', value: 0 },
    ]);
    await app.report('gw-ui-b', [{ sensorId: B_POWER, nodeId: 'ui:meter-b', quantity: 'power', unit: 'W', value: 55 }]);
    await app.until(
      async () => (await app.api('GET', '/api/sensors?limit=100')).items.length >= 7,
      'the seeded sensors',
    );
    mkdirSync(SHOTS, { recursive: true });
  });
  after(async () => {
    await browser?.close();
    await app?.close();
  });

  async function page(viewport = { width: 1280, height: 800 }) {
    const context = await browser.newContext({
      ignoreHTTPSErrors: true,
      viewport,
      reducedMotion: 'reduce',
      locale: 'en-GB',
      timezoneId: 'Europe/Amsterdam',
    });
    const p = await context.newPage();
    p.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(`${p.url()}: ${message.text()}`);
    });
    p.on('pageerror', (error) => consoleErrors.push(`${p.url()}: ${error.message}`));
    // Aborts are the page letting go of a stream; anything else is worth seeing beside a failure.
    p.on('requestfailed', (request) => {
      if (request.failure()?.errorText !== 'net::ERR_ABORTED')
        console.log(`# request failed: ${request.url()} ${request.failure()?.errorText}`);
    });
    return p;
  }

  const logIn = (p, user) => logInAt(p, app.url, user);

  const axe = expectAccessible;

  it(
    'serves the UI at / with a strict CSP, caches hashed assets for good, falls back for page routes, and keeps /api 404s',
    { skip },
    async () => {
      if (noBrowser) throw noBrowser;
      const index = await app.get('/');
      assert.equal(index.status, 200);
      assert.match(index.headers['content-type'], /text\/html/);
      assert.equal(index.headers['cache-control'], 'no-cache');
      assert.match(index.headers['content-security-policy'], /script-src 'self'(;|$)/);
      assert.doesNotMatch(index.headers['content-security-policy'], /unsafe-inline|unsafe-eval/);
      const asset = /src="(\/assets\/[^"]+\.js)"/.exec(index.text)?.[1];
      assert.ok(asset, 'index.html names its bundle');
      const js = await app.get(asset);
      assert.equal(js.status, 200);
      assert.equal(js.headers['cache-control'], 'public, max-age=31536000, immutable');
      const route = await app.get('/sensors/x%2Fy');
      assert.equal(route.status, 200);
      assert.equal(route.text, index.text);
      for (const missing of ['/api/nope', '/api/readings/nope', '/assets/missing-abc.js']) {
        const answer = await app.get(missing);
        assert.equal(answer.status, 404, missing);
        assert.match(answer.headers['content-type'], /application\/problem\+json/, missing);
      }
    },
  );

  it(
    'logs in, keeps the session over a reload (refresh cookie), shows a new reading on Now within 2 s, and resumes the stream after a disconnect',
    { skip },
    async () => {
      if (noBrowser) throw noBrowser;
      const p = await page();
      await logIn(p, alice);
      const value = p.locator(`[data-sensor-value="${A_POWER}"]`);
      await value.waitFor();
      await p.reload();
      await p.getByRole('heading', { name: 'Now', level: 1 }).waitFor();
      await p.getByText('live', { exact: true }).waitFor();
      const sent = Date.now();
      await app.report('gw-ui-a', [
        { sensorId: A_POWER, nodeId: 'ui:meter-a', quantity: 'power', unit: 'W', value: 777 },
      ]);
      await p.waitForFunction(
        (id) => document.querySelector(`[data-sensor-value="${id}"]`)?.textContent?.includes('777'),
        A_POWER,
        { timeout: 2000 },
      );
      console.log(`# reading on screen ${Date.now() - sent} ms after it was stored`);
      // The main meter (P1) minus the sub-meters, from the same live values: 1500 − 777 − 120.
      assert.match(await p.locator('.untracked').innerText(), /603 W/);

      // Offline, the stream breaks; a reading stored meanwhile comes with the resume (Last-Event-ID), not live.
      await p.context().setOffline(true);
      await p.getByText('reconnecting…').waitFor();
      await app.report('gw-ui-a', [
        { sensorId: A_POWER, nodeId: 'ui:meter-a', quantity: 'power', unit: 'W', value: 888 },
      ]);
      await new Promise((r) => setTimeout(r, 500));
      assert.match(await p.locator(`[data-sensor-value="${A_POWER}"]`).innerText(), /777/);
      await p.context().setOffline(false);
      await p.waitForFunction(
        (id) => document.querySelector(`[data-sensor-value="${id}"]`)?.textContent?.includes('888'),
        A_POWER,
        { timeout: 10_000 },
      );
      await p.getByText('live', { exact: true }).waitFor();

      // The main meter is the user's own setting, kept on the server: another meter makes the remainder its own.
      const saved = () =>
        p.waitForResponse((r) => r.url().endsWith('/api/me/main-meter') && r.request().method() === 'PUT');
      let put = saved();
      await p.getByLabel('Main meter').selectOption({ label: 'meter-a · power' });
      await p.locator('.untracked', { hasText: 'meter-a · power minus sub-meters' }).waitFor();
      assert.equal((await put).status(), 200);
      await p.reload();
      await p.locator('.untracked', { hasText: 'meter-a · power minus sub-meters' }).waitFor();
      assert.equal(await p.getByLabel('Main meter').inputValue(), A_POWER);
      put = saved();
      await p.getByLabel('Main meter').selectOption({ label: 'automatic (a DSMR P1 meter)' });
      await p.locator('.untracked', { hasText: 'p1-a · power minus sub-meters' }).waitFor();
      assert.equal((await put).status(), 200);
      assert.deepEqual(await app.api('GET', '/api/me/main-meter', undefined, await app.tokenOf(alice)), {
        sensorId: null,
      });
      await p.context().close();
    },
  );

  it("shows a second user none of the first user's sensors or switches", { skip }, async () => {
    if (noBrowser) throw noBrowser;
    const p = await page();
    await logIn(p, bob);
    await p.locator(`[data-sensor-value="${B_POWER}"]`).waitFor();
    assert.equal(await p.locator(`[data-sensor-value="${A_POWER}"]`).count(), 0);
    assert.doesNotMatch(await p.content(), /meter-a|plug-a|relay-a|gw-ui-a/);
    await p.getByRole('link', { name: 'Switches' }).click();
    await p.getByText('No switches you may command').waitFor();
    // Nor what was done with them: A's command timeline and chart annotations answer B as if they did not exist.
    const accessToken = await app.tokenOf(bob);
    const range = 'from=2020-01-01T00:00:00Z&to=2100-01-01T00:00:00Z';
    for (const path of [
      `/api/actuator-commands?sensor=${encodeURIComponent(A_RELAY)}`,
      `/api/sensors/annotations?sensor=${encodeURIComponent(A_POWER)}&${range}`,
    ])
      await assert.rejects(app.api('GET', path, undefined, accessToken), / 404 /, path);
    await assert.rejects(
      app.api('PUT', '/api/me/main-meter', { sensorId: A_POWER }, accessToken),
      / 404 /,
      "choosing A's meter",
    );
    await p.goto(`${app.url}/sensors/${encodeURIComponent(A_POWER)}`);
    await p.getByRole('heading', { name: 'Sensor not found' }).waitFor();
    await p.context().close();
  });

  it('works from the keyboard: skip link, navigation, and switch buttons', { skip }, async () => {
    if (noBrowser) throw noBrowser;
    const p = await page();
    await logIn(p, alice);
    await p.keyboard.press('Tab');
    assert.equal(await p.evaluate(() => document.activeElement?.textContent), 'Skip to content');
    const focused = async () => p.evaluate(() => document.activeElement?.textContent?.trim());
    for (let i = 0; i < 10 && (await focused()) !== 'Switches'; i += 1) await p.keyboard.press('Tab');
    assert.equal(await focused(), 'Switches');
    await p.keyboard.press('Enter');
    await p.getByRole('heading', { name: 'Switches', level: 1 }).waitFor();
    assert.equal(await p.evaluate(() => document.activeElement?.id), 'main');
    for (let i = 0; i < 10 && !/^On$/.test((await focused()) ?? ''); i += 1) await p.keyboard.press('Tab');
    assert.equal(await focused(), 'On');
    await p.context().close();
  });

  it('draws a year of 15-minute buckets (35,040 points) when asked for', { skip }, async () => {
    if (noBrowser) throw noBrowser;
    await app.aYearOfBuckets(A_POWER);
    await app.aConfigurationChange('ui:meter-a', new Date(Date.now() - 30 * 86_400_000).toISOString());
    const p = await page();
    await logIn(p, alice);
    await p.goto(`${app.url}/sensors/${encodeURIComponent(A_POWER)}`);
    await p.getByRole('button', { name: '1 y' }).click();
    await p.getByLabel('15 min buckets').check();
    const chart = p.locator('.chart[data-render-ms]');
    await chart.waitFor({ timeout: 20_000 });
    const points = Number(await chart.getAttribute('data-points'));
    const renderMs = Number(await chart.getAttribute('data-render-ms'));
    console.log(`# a year of 15-minute buckets: ${points} points drawn in ${renderMs} ms`);
    assert.ok(points >= 35_040, `${points} points`);
    assert.ok(renderMs < 1000, `drawn in ${renderMs} ms`);
    // The node's configuration change is listed (and drawn on the time axis) where it happened.
    await p.getByRole('heading', { name: 'Events in this range' }).waitFor();
    assert.match(await p.locator('.changes').innerText(), /alarm\.power_above/);
    await p.screenshot({ path: new URL('sensor-year-desktop.png', SHOTS).pathname, animations: 'disabled' });
    await p.context().close();
  });

  it(
    'passes axe on every page and writes screenshots at 1280×800 and 390×844 under a fixed clock, without console errors',
    { skip },
    async () => {
      if (noBrowser) throw noBrowser;
      // The day before the fixed clock has data, with a hole in it that the chart must draw as a gap.
      const day = FIXED_NOW.getTime() - 86_400_000;
      const hour = (h) => new Date(day + h * 3_600_000).toISOString();
      await app.bucketsBetween(A_POWER, hour(0), hour(24));
      await app.removeBuckets(A_POWER, hour(10), hour(12));
      const shots = [];
      for (const [size, viewport] of [
        ['desktop', { width: 1280, height: 800 }],
        ['phone', { width: 390, height: 844 }],
      ]) {
        const p = await page(viewport);
        // Date.now() and new Date() answer the fixed instant; timers keep running, so polling and the stream still work.
        await p.clock.setFixedTime(FIXED_NOW);
        await p.goto(app.url);
        await p.getByRole('button', { name: 'Sign in' }).waitFor();
        await axe(p, 'login');
        await p.screenshot({ path: new URL(`login-${size}.png`, SHOTS).pathname, animations: 'disabled' });
        shots.push(`login-${size}.png`);
        await logIn(p, alice);
        for (const entry of PAGES) {
          await p.goto(`${app.url}${entry.path(SEED)}`);
          const heading = typeof entry.heading === 'function' ? entry.heading(SEED) : entry.heading;
          await p.getByRole('heading', { name: heading, level: 1 }).waitFor();
          if (entry.ready) await p.locator(entry.ready).first().waitFor();
          await entry.open?.(p, SEED);
          await axe(p, entry.name);
          // Nothing may stick out sideways on a phone.
          assert.ok(
            await p.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth),
            `${entry.name} fits ${viewport.width} px`,
          );
          await p.screenshot({
            path: new URL(`${entry.name}-${size}.png`, SHOTS).pathname,
            animations: 'disabled',
            fullPage: true,
          });
          shots.push(`${entry.name}-${size}.png`);
        }
        await p.context().close();
      }
      console.log(`# screenshots in test-results/screenshots/: ${shots.join(', ')}`);
      assert.deepEqual(consoleErrors, []);
    },
  );

  it(
    'shows a stuck command time out on Switches, and the timeline says who switched, when and from where',
    { skip },
    async () => {
      if (noBrowser) throw noBrowser;
      // Asked by the administrator through the CLI's route (origin cli), for a gateway that never connects: 2 s.
      const stuck = await app.api('POST', '/api/actuator-commands', {
        sensorId: A_RELAY,
        action: 'on',
        timeoutSeconds: 2,
        origin: 'cli',
        reason: 'stuck on purpose',
      });
      const p = await page();
      await logIn(p, alice);
      await p.getByRole('link', { name: 'Switches' }).click();
      const row = p.getByRole('row').filter({ has: p.getByRole('button', { name: `Switch ${A_RELAY_LABEL} on` }) });
      // The newest command is followed after a page load: pending first, then its time-out with the reason.
      const status = row.locator('td[data-command-status]');
      await row.locator('td[data-command-status="timed_out"]').waitFor({ timeout: 15_000 });
      assert.match(await status.innerText(), /timed out: no outcome while requested/);
      assert.match(await row.locator('td[data-label="Desired"]').innerText(), /on/);

      await row.getByRole('button', { name: `Command history of ${A_RELAY_LABEL}` }).click();
      const timeline = p.getByRole('list', { name: 'Command timeline' });
      const first = timeline.locator('li').first();
      await first.waitFor();
      assert.equal(await first.getAttribute('data-command-origin'), 'cli');
      assert.match(await first.innerText(), /on by the administrator from the CLI \(“stuck on purpose”\): timed out/);
      await axe(p, 'switches with a timed-out command and its timeline');

      // Switched from the page: pending while the gateway stays away, and the timeline names the user and the UI.
      await row.getByRole('button', { name: `Switch ${A_RELAY_LABEL} off` }).click();
      await row.locator('td[data-command-status="requested"]').waitFor({ timeout: 5000 });
      assert.match(await status.innerText(), /pending: waiting for the gateway/);
      await timeline.locator('li[data-command-origin="ui"]').waitFor({ timeout: 5000 });
      assert.match(await timeline.locator('li').first().innerText(), /off by you from the web UI: pending/);
      assert.match(await timeline.locator('li').nth(1).innerText(), new RegExp(`on by the administrator`));
      assert.equal(
        (await app.api('GET', `/api/actuator-commands/${stuck.commandId}`)).status,
        'timed_out',
        'the server agrees',
      );
      await p.screenshot({
        path: new URL('switches-stuck-desktop.png', SHOTS).pathname,
        animations: 'disabled',
        fullPage: true,
      });
      // The relay's own page marks both commands on its time axis, from the log.
      await p.goto(`${app.url}/sensors/${encodeURIComponent(A_RELAY)}?range=1h`);
      await p.locator('li[data-annotation-kind="command"]').nth(1).waitFor();
      assert.match(
        await p.locator('.changes').innerText(),
        /switch command: switch on by user:bootstrap-admin \(cli\): timed out/,
      );
      await p.context().close();
    },
  );
});
