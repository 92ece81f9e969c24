/* global Buffer, document, fetch, navigator, window */
// The administration pages in Debian's Chromium against the built server: gateways (register with the key shown
// once, rotate, hand over, edit, decommission, permit join), node configuration (desired vs applied, pending,
// the request's steps, configuration as of an earlier instant, reached from a chart annotation too), users and
// their sessions, a replay from the System page, refusal to standard users, keyboard use, axe and screenshots at
// desktop and phone sizes under a fixed clock.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { expectAccessible, launch, logIn as logInAt, skip } from './browser.mjs';

const SHOTS = new URL('../../test-results/screenshots/', import.meta.url);
const NODE = 'zigbee2mqtt:gw-adm-a/kitchen plug';
const NODE_POWER = `${NODE}/power`;
const H_POWER = 'ui:acc-meter/power';
const H_ENERGY = 'ui:acc-meter/energyImported';

describe('administration pages in Chromium', () => {
  let browser;
  let noBrowser;
  let app;
  let admin;
  let carol;
  const consoleErrors = [];

  before(async () => {
    if (skip) return;
    try {
      browser = await launch();
    } catch (error) {
      noBrowser = error;
      return;
    }
    const { startApp } = await import('./app-server.mjs');
    app = await startApp();
    const email = `admin-${randomUUID().slice(0, 8)}@example.org`;
    const password = `pw-${randomUUID()}`;
    const { userId } = await app.api('POST', '/api/users', {
      email,
      displayName: 'Ada Admin',
      role: 'admin',
      password,
    });
    admin = { userId, email, password };
    carol = await app.aUser('carol');
    await app.aGateway('gw-adm-carol', carol.userId);
    await app.report('gw-adm-carol', [
      { sensorId: H_POWER, nodeId: 'ui:acc-meter', quantity: 'power', unit: 'W', value: 640 },
      { sensorId: H_ENERGY, nodeId: 'ui:acc-meter', quantity: 'energyImported', unit: 'kWh', value: 88 },
    ]);
    await app.aGateway('gw-adm-a', admin.userId);
    await app.report('gw-adm-a', [{ sensorId: NODE_POWER, nodeId: NODE, quantity: 'power', unit: 'W', value: 230 }]);
    await app.until(
      async () => (await app.api('GET', '/api/nodes?gateway=gw-adm-a')).items.length === 1,
      'the seeded node',
    );
    mkdirSync(SHOTS, { recursive: true });
  });
  after(async () => {
    await browser?.close();
    await app?.close();
  });

  async function page(viewport = { width: 1280, height: 800 }, fixedNow = null) {
    const context = await browser.newContext({
      ignoreHTTPSErrors: true,
      viewport,
      reducedMotion: 'reduce',
      locale: 'en-GB',
      timezoneId: 'Europe/Amsterdam',
    });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app.url });
    const p = await context.newPage();
    // Screenshots: every page sees the same instant, so "ago" labels do not drift between the sizes.
    if (fixedNow) await p.clock.setFixedTime(fixedNow);
    p.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(`${p.url()}: ${message.text()}`);
    });
    p.on('pageerror', (error) => consoleErrors.push(`${p.url()}: ${error.message}`));
    return p;
  }

  const logIn = (p, user) => logInAt(p, app.url, user);

  const axe = expectAccessible;

  it(
    'registers a gateway and shows its key once (copy, "I have saved it"), never after a reload; a virtual ZigBee gateway connects with it (online), a node reporting threshold is applied by the device; rotates the key the same way',
    { skip },
    async () => {
      if (noBrowser) throw noBrowser;
      const p = await page();
      await logIn(p, admin);
      await p.getByRole('link', { name: 'Gateways' }).click();
      await p.getByRole('heading', { name: 'Gateways', level: 1 }).waitFor();
      const form = p.getByRole('form', { name: 'Register a gateway' });
      await form.getByLabel('Name').fill('Garage');
      await form.getByLabel('Network type').selectOption('zigbee');
      await form.getByLabel('Address').fill('192.0.2.44');
      await form.getByLabel('Id (optional)').fill('gw-adm-garage');
      await form.getByLabel('Latitude').fill('52.09');
      await form.getByLabel('Longitude').fill('5.12');
      await form.getByLabel('Label').fill('Garage wall');
      await form.getByRole('button', { name: 'Register' }).click();
      const once = p.getByRole('region', { name: 'Network key' });
      const key = (await once.locator('[data-secret]').innerText()).trim();
      assert.match(key, /^[0-9a-f]{64}$/);
      const view = await app.api('GET', '/api/gateways/gw-adm-garage');
      assert.equal(view.name, 'Garage');
      assert.deepEqual(view.location, { lat: 52.09, lon: 5.12, label: 'Garage wall' });

      await once.getByRole('button', { name: 'Copy' }).click();
      await once.getByText('Copied to the clipboard.').waitFor();
      assert.equal(await p.evaluate(() => navigator.clipboard.readText()), key);
      const done = once.getByRole('button', { name: 'Done, hide it' });
      assert.equal(await done.isDisabled(), true, 'hiding waits for the confirmation');
      await once.getByLabel('I have saved it').check();
      await done.click();
      assert.equal(await p.getByRole('region', { name: 'Network key' }).count(), 0);
      assert.doesNotMatch(await p.content(), new RegExp(key));

      // A gateway given that key connects over the link: the list turns it online while the page is open.
      const agent = await app.virtualZigbeeGateway('gw-adm-garage', key);
      try {
        await p
          .getByRole('row', { name: /Garage/ })
          .locator('.pill', { hasText: 'online' })
          .waitFor({ timeout: 30_000 });
        // Its virtual plug measures power: the reporting threshold goes pending, then is applied by the device.
        let plug;
        await app.until(
          async () => {
            // A plug: power in the electrical measurement cluster (the energy meter reports it as metering demand).
            const sensors = (await app.api('GET', '/api/sensors?gateway=gw-adm-garage')).items;
            const switching = new Set(sensors.filter((x) => x.quantity === 'switchState').map((x) => x.nodeId));
            plug = sensors.find((x) => x.quantity === 'power' && switching.has(x.nodeId))?.nodeId;
            return plug !== undefined;
          },
          'a power sensor of the virtual gateway',
          45_000,
        );
        await p.goto(`${app.url}/admin/nodes/${encodeURIComponent(plug)}`);
        await p.getByRole('button', { name: 'Reporting threshold' }).click();
        const reporting = p.getByRole('form', { name: 'Reporting threshold' });
        await reporting.getByLabel('Quantity').selectOption('power');
        await reporting.getByLabel('Reportable change').fill('15');
        await reporting.getByRole('button', { name: 'Request reporting threshold' }).click();
        const field = p.locator('[data-field="reporting.power"]');
        await field.waitFor();
        await p.locator('[data-field="reporting.power"]:not([data-sync="pending"])').waitFor({ timeout: 60_000 });
        assert.equal(await field.getAttribute('data-sync'), 'applied', await field.innerText());
        assert.match(await field.innerText(), /on a change of 15/);
      } finally {
        await agent.stop();
      }
      await p.goto(`${app.url}/admin/gateways`);

      // Shown but not yet confirmed, then reloaded: gone for good.
      await p
        .getByRole('row', { name: /Garage/ })
        .getByRole('link', { name: 'Garage' })
        .click();
      await p.getByRole('heading', { name: 'Garage', level: 1 }).waitFor();
      await p.getByRole('button', { name: 'Rotate key' }).click();
      await p.getByRole('button', { name: 'Rotate now' }).click();
      const rotated = (
        await p.getByRole('region', { name: 'New network key' }).locator('[data-secret]').innerText()
      ).trim();
      assert.match(rotated, /^[0-9a-f]{64}$/);
      assert.notEqual(rotated, key);
      const fingerprint = (await app.api('GET', '/api/gateways/gw-adm-garage')).keyFingerprint;
      assert.notEqual(fingerprint, view.keyFingerprint);
      await p.locator('code', { hasText: fingerprint }).waitFor();
      await p.reload();
      await p.getByRole('heading', { name: 'Garage', level: 1 }).waitFor();
      assert.equal(await p.getByRole('region', { name: 'New network key' }).count(), 0);
      assert.doesNotMatch(await p.content(), new RegExp(`${rotated}|${key}`));
      await p.context().close();
    },
  );

  it(
    'edits details, hands the gateway to an owner, permits joining (waiting for the gateway), and decommissions after confirming',
    { skip },
    async () => {
      if (noBrowser) throw noBrowser;
      await app.api('POST', '/api/gateways', {
        id: 'gw-adm-shed',
        name: 'Shed',
        networkType: 'zigbee',
        address: '192.0.2.45',
        location: { lat: 1, lon: 2 },
      });
      const p = await page();
      await logIn(p, admin);
      await p.goto(`${app.url}/admin/gateways/gw-adm-shed`);
      await p.getByRole('heading', { name: 'Shed', level: 1 }).waitFor();

      const details = p.getByRole('form', { name: 'Details' });
      await details.getByLabel('Name').fill('Shed east');
      await details.getByLabel('Description').fill('behind the bikes');
      await details.getByRole('button', { name: 'Save details' }).click();
      await details.getByText('Saved: name, description.').waitFor();
      await p.getByRole('heading', { name: 'Shed east', level: 1 }).waitFor();

      await p.getByLabel('New owner').selectOption(carol.userId);
      await p.getByRole('button', { name: 'Hand over' }).click();
      await p.getByText('Handed over.').waitFor();
      assert.equal((await app.api('GET', '/api/gateways/gw-adm-shed')).ownerId, carol.userId);

      // Nobody's agent is connected: the request waits, and the page says so with its steps.
      await p.getByLabel('Permit join for (s)').fill('90');
      await p.getByRole('button', { name: 'Permit join' }).click();
      const steps = p.getByRole('list', { name: 'Request progress' });
      await steps.getByText('requested').waitFor();
      assert.equal(
        await steps
          .locator('[aria-current="step"]')
          .innerText()
          .then((t) => t.startsWith('requested')),
        true,
      );
      await p.getByText(/Waiting: permit join requested/).waitFor();
      await p.getByRole('table', { name: 'Network settings' }).getByText('open joining for 90 s').waitFor();

      await p.getByRole('button', { name: 'Decommission' }).click();
      await p.getByText(/Retire Shed east\? Its key stops working for good/).waitFor();
      await p.getByRole('button', { name: 'Cancel' }).click();
      assert.equal((await app.api('GET', '/api/gateways/gw-adm-shed')).lifecycle, 'registered');
      await p.getByLabel('Reason for decommissioning (optional)').fill('moved to the barn');
      await p.getByRole('button', { name: 'Decommission' }).click();
      await p.getByRole('button', { name: 'Decommission for good' }).click();
      await p.getByText(/^Decommissioned /).waitFor();
      assert.equal((await app.api('GET', '/api/gateways/gw-adm-shed')).lifecycle, 'decommissioned');
      assert.equal(await p.getByRole('button', { name: 'Rotate key' }).count(), 0);

      // Details as of the registration: the first name, still registered, and who set them.
      const history = p.getByRole('table', { name: 'Gateway details as of the chosen instant' });
      await history.locator('[data-field="lifecycle"]').getByText('decommissioned').waitFor();
      await p.getByRole('slider', { name: 'Change' }).focus();
      await p.keyboard.press('Home');
      await p.getByText(/^As it was at /).waitFor();
      await history.locator('[data-field="lifecycle"]').getByText('registered').waitFor();
      assert.equal(await history.locator('[data-field="name"] td').first().innerText(), 'Shed');
      assert.match(await history.locator('[data-field="name"] td').nth(1).innerText(), /bootstrap-admin/);
      await p.context().close();
    },
  );

  it(
    'configures a node: desired vs applied, pending since, the request steps, and the earlier value on the slider',
    { skip },
    async () => {
      if (noBrowser) throw noBrowser;
      const p = await page();
      await logIn(p, admin);
      await p.goto(`${app.url}/admin/gateways/gw-adm-a`);
      await p.getByRole('table', { name: 'Nodes' }).getByRole('link', { name: NODE }).click();
      await p.getByRole('heading', { name: NODE, level: 1 }).waitFor();
      await p.getByText('No setting was ever asked for on this node.').waitFor();

      // An alarm setting is the server's own: applied at once.
      await p.getByRole('button', { name: 'Power alarm' }).click();
      const alarm = p.getByRole('form', { name: 'Power alarm' });
      await alarm.getByLabel('Threshold (W)').fill('1500');
      await alarm.getByRole('button', { name: 'Request power alarm' }).click();
      const row = p.getByRole('table', { name: 'Configuration now' }).locator('[data-field="alarm.power_above"]');
      await p.locator('[data-field="alarm.power_above"][data-sync="applied"]').waitFor();
      assert.match(await row.innerText(), /above 1500 W for 60 s[\s\S]*above 1500 W for 60 s/);
      await alarm.getByLabel('Threshold (W)').fill('2500');
      await alarm.getByRole('button', { name: 'Request power alarm' }).click();
      await row.getByText('above 2500 W for 60 s').first().waitFor();

      // A device setting waits for the gateway, which is not connected: pending, since when, and its steps.
      await p.getByRole('button', { name: 'Reporting threshold' }).click();
      const reporting = p.getByRole('form', { name: 'Reporting threshold' });
      await reporting.getByLabel('Reportable change').fill('25');
      await reporting.getByRole('button', { name: 'Request reporting threshold' }).click();
      const pending = p.getByRole('table', { name: 'Configuration now' }).locator('[data-field="reporting.power"]');
      await pending.getByText(/pending since .* \(requested\)/).waitFor();
      assert.match(await pending.innerText(), /power: every 10–300 s or on a change of 25/);
      const requests = p.getByRole('heading', { name: 'Requests' }).locator('..');
      await requests.locator('li[data-request]').first().getByText('reporting.power').waitFor();
      assert.equal(await requests.locator('li[data-request]').count(), 3);

      // Bad input is refused with the server's words, and nothing is stored.
      await reporting.getByLabel('Min interval (s)').fill('500');
      await reporting.getByRole('button', { name: 'Request reporting threshold' }).click();
      await reporting.getByRole('alert').waitFor();
      assert.match(await reporting.getByRole('alert').innerText(), /minIntervalS must not exceed maxIntervalS/);
      // The browser logs the refused request; that one is expected, any other console error is not.
      const refusal = consoleErrors.findIndex((e) => e.includes('status of 400'));
      assert.notEqual(refusal, -1);
      consoleErrors.splice(refusal, 1);
      assert.equal(await requests.locator('li[data-request]').count(), 3);

      // The slider's first position: the configuration when the first alarm setting was applied.
      const slider = p.getByRole('slider', { name: 'Change' });
      await slider.focus();
      await p.keyboard.press('Home');
      const asOf = p.getByRole('table', { name: 'Configuration as of the chosen instant' });
      await asOf.getByText('above 1500 W for 60 s').first().waitFor();
      assert.doesNotMatch(await asOf.innerText(), /2500|reporting/);
      // Against the latest change: what differs between the two instants.
      const diff = p.getByRole('table', { name: 'Differences between the two instants' });
      await diff.getByText('above 2500 W for 60 s').waitFor();
      assert.match(await diff.innerText(), /alarm\.power_above\s+above 1500 W for 60 s\s+above 2500 W for 60 s/);
      assert.match(await diff.innerText(), /reporting\.power\s+not set\s+power: every 10–300 s/);

      // From the sensor chart's annotation: the configuration as of then, and what its latest change changed.
      await p.goto(`${app.url}/sensors/${encodeURIComponent(NODE_POWER)}`);
      const mark = p.locator('li[data-annotation-kind="configuration"]').last();
      await mark.getByRole('link', { name: /configuration as of then/ }).click();
      await p.getByRole('heading', { name: NODE, level: 1 }).waitFor();
      assert.match(p.url(), /\/admin\/nodes\/.+\?at=/);
      const before = p.getByRole('table', { name: 'What the change before then changed' });
      await before.getByText('above 2500 W for 60 s').waitFor();
      assert.match(await before.innerText(), /alarm\.power_above\s+above 1500 W for 60 s\s+above 2500 W for 60 s/);
      await p.context().close();
    },
  );

  it(
    'hides the admin pages from a standard user and refuses them on a direct address (the API refuses too)',
    { skip },
    async () => {
      if (noBrowser) throw noBrowser;
      const p = await page();
      await logIn(p, carol);
      assert.equal(
        await p.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Gateways' }).count(),
        0,
      );
      for (const path of [
        '/admin/gateways',
        '/admin/gateways/gw-adm-a',
        `/admin/nodes/${encodeURIComponent(NODE)}`,
        '/admin/users',
        '/admin/audit',
      ]) {
        await p.goto(`${app.url}${path}`);
        await p.getByText('This page is for administrators.').waitFor();
        assert.doesNotMatch(await p.content(), /gw-adm-a|kitchen plug|Register a gateway/);
      }
      await axe(p, 'admin-refused');
      await p.screenshot({ path: new URL('admin-refused-desktop.png', SHOTS).pathname, animations: 'disabled' });
      await p.setViewportSize({ width: 390, height: 844 });
      await axe(p, 'admin-refused');
      await p.screenshot({ path: new URL('admin-refused-phone.png', SHOTS).pathname, animations: 'disabled' });
      const { accessToken } = await app.api('POST', '/api/auth/login', {
        email: carol.email,
        password: carol.password,
      });
      await assert.rejects(app.api('GET', '/api/users', undefined, accessToken), /: 403 /);
      await assert.rejects(app.api('POST', '/api/gateways/gw-adm-a/rotate-key', undefined, accessToken), /: 40[34] /);
      await p.context().close();
    },
  );

  it('works from the keyboard: rotate a key, confirm, copy, mark it saved and hide it', { skip }, async () => {
    if (noBrowser) throw noBrowser;
    const p = await page();
    await logIn(p, admin);
    await p.goto(`${app.url}/admin/gateways/gw-adm-a`);
    await p.getByRole('heading', { name: 'gw-adm-a', level: 1 }).waitFor();
    const focused = async () => p.evaluate(() => document.activeElement?.textContent?.trim());
    for (let i = 0; i < 40 && (await focused()) !== 'Rotate key'; i += 1) await p.keyboard.press('Tab');
    assert.equal(await focused(), 'Rotate key');
    await p.keyboard.press('Enter');
    // The page moves the focus after it renders the confirmation, so give it that render before checking.
    await p
      .waitForFunction(() => document.activeElement?.textContent?.trim() === 'Rotate now', null, { timeout: 5_000 })
      .catch(() => undefined);
    assert.equal(await focused(), 'Rotate now');
    await p.keyboard.press('Enter');
    const once = p.getByRole('region', { name: 'New network key' });
    await once.waitFor();
    assert.equal(await p.evaluate(() => document.activeElement?.getAttribute('aria-label')), 'New network key');
    await p.keyboard.press('Tab');
    assert.equal(await focused(), 'Copy');
    await p.keyboard.press('Enter');
    await once.getByText('Copied to the clipboard.').waitFor();
    await p.keyboard.press('Tab');
    await p.keyboard.press('Space');
    assert.equal(await once.getByLabel('I have saved it').isChecked(), true);
    await p.keyboard.press('Tab');
    assert.equal(await focused(), 'Done, hide it');
    await p.keyboard.press('Enter');
    await once.waitFor({ state: 'detached' });
    await p.context().close();
  });

  it(
    'passes axe on every administration page and writes screenshots at 1280×800 and 390×844, without console errors',
    { skip },
    async () => {
      if (noBrowser) throw noBrowser;
      const fixedNow = new Date();
      const pages = [
        ['admin-gateways', '/admin/gateways', 'Gateways'],
        ['admin-gateway', '/admin/gateways/gw-adm-a', 'gw-adm-a'],
        ['admin-node', `/admin/nodes/${encodeURIComponent(NODE)}`, NODE],
        ['admin-users', '/admin/users', 'Users and API clients'],
        ['admin-audit', '/admin/audit', 'Audit'],
        ['admin-system', '/admin/system', 'System'],
      ];
      // One login for both sizes: the viewport changes, the session stays.
      const p = await page(undefined, fixedNow);
      await logIn(p, admin);

      // A replay of every read model started from the System page runs to the end with its progress in view, while
      // the pages' queries keep answering.
      await p.goto(`${app.url}/admin/system`);
      await p.getByRole('heading', { name: 'System', level: 1 }).waitFor();
      await p.getByLabel('Read model').selectOption('all');
      await p.getByRole('button', { name: 'Start replay' }).click();
      const replay = p.locator('.replay');
      await replay.waitFor();
      assert.equal(await p.getByRole('progressbar', { name: 'Replay of all' }).count(), 1);
      await p.locator('.replay[data-state="done"]').waitFor({ timeout: 60_000 });
      const facts = await replay.innerText();
      assert.match(facts, /Events\s+(\d+) of \1/);
      assert.match(facts, /\d+ events\/s/);
      assert.match(facts, /audit_log, gateway_status/);
      assert.notEqual(await replay.locator('[data-progress]').innerText(), '0 of 0');
      assert.equal((await app.api('GET', '/api/gateways/gw-adm-a')).name, 'gw-adm-a');
      for (const [size, viewport] of [
        ['desktop', { width: 1280, height: 800 }],
        ['phone', { width: 390, height: 844 }],
      ]) {
        await p.setViewportSize(viewport);
        for (const [name, path, heading] of pages) {
          await p.goto(`${app.url}${path}`);
          await p.getByRole('heading', { name: heading, level: 1 }).waitFor();
          await p.getByRole('status').filter({ hasText: 'Loading…' }).waitFor({ state: 'detached' });
          if (name === 'admin-gateway') await p.getByRole('table', { name: 'Nodes' }).waitFor();
          if (name === 'admin-system') await p.locator('tr[data-projection]').first().waitFor();
          await axe(p, name);
          assert.ok(
            await p.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth),
            `${name} fits ${viewport.width} px`,
          );
          await p.screenshot({
            path: new URL(`${name}-${size}.png`, SHOTS).pathname,
            animations: 'disabled',
            fullPage: true,
          });
        }
      }
      await p.context().close();
      assert.deepEqual(consoleErrors, []);
    },
  );

  it(
    "lets an owner set visibility, grant a client one sensor with a preview, see the client's reads, and revoke",
    { skip },
    async () => {
      if (noBrowser) throw noBrowser;
      const { clientId, clientSecret } = await app.api('POST', '/api/clients', {
        name: 'meter reader',
        organisation: 'Grid Co',
      });
      const p = await page(undefined, new Date());
      await logIn(p, carol);
      await p.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Access' }).click();
      await p.getByRole('heading', { name: 'Access', level: 1 }).waitFor();
      const visibility = p.getByRole('table', { name: 'Visibility of your sensors' });
      await visibility.locator(`tr[data-sensor="${H_ENERGY}"]`).waitFor();
      assert.equal(await visibility.locator('tbody tr').count(), 2, 'only her own sensors');

      await p.getByLabel('Visibility of acc-meter · energyImported').selectOption('private');
      await visibility.getByText('Now private.').waitFor();
      await visibility
        .locator(`tr[data-sensor="${H_ENERGY}"]`)
        .getByText('grants are ignored while it is private')
        .waitFor();

      const form = p.getByRole('form', { name: 'Give access' });
      await form.getByLabel('Grantee kind').selectOption('client');
      await form.getByLabel('Grantee id').fill(clientId);
      await form.getByLabel('Read values').check();
      await form.getByLabel('acc-meter · power').check();
      await form.getByLabel('acc-meter · energyImported (private)').check();
      assert.equal(
        await form.locator('[data-preview]').innerText(),
        'This grant exposes 1 sensor at full resolution (values and aggregates); 1 private sensor stays hidden until shared.',
      );
      await form.getByLabel('Read values').uncheck();
      assert.match(await form.locator('[data-preview]').innerText(), /exposes 1 sensor at aggregate resolution/);
      await form.getByLabel('Read values').check();
      await form.getByRole('button', { name: 'Grant' }).click();
      await form.getByText(/^Granted/).waitFor();
      await visibility
        .locator(`tr[data-sensor="${H_POWER}"]`)
        .getByText(`API client ${clientId}: values and aggregates`)
        .waitFor();

      // The client sees the granted sensor only (the private one stays hidden), and reads it.
      // From the page (same origin, which trusts the test certificate): app.api would add its own credentials.
      const token = await p.evaluate(
        async ([id, secret]) =>
          (
            await (
              await fetch('/api/oauth/token', {
                method: 'POST',
                headers: { 'content-type': 'application/json' },
                body: JSON.stringify({ grant_type: 'client_credentials', client_id: id, client_secret: secret }),
              })
            ).json()
          ).access_token,
        [clientId, clientSecret],
      );
      const seen = await app.api('GET', '/api/sensors', undefined, token);
      assert.deepEqual(
        seen.items.map((s) => s.sensorId),
        [H_POWER],
      );
      const latest = await app.api(
        'GET',
        `/api/readings/latest?sensor=${encodeURIComponent(H_POWER)}`,
        undefined,
        token,
      );
      assert.equal(latest.items[0].value, 640);

      const given = p.getByRole('table', { name: 'Grants you gave' });
      await given.getByRole('button', { name: 'Revoke' }).click();
      await given.getByRole('button', { name: 'Revoke now' }).click();
      await given.getByText(/^revoked/).waitFor();
      assert.deepEqual((await app.api('GET', '/api/sensors', undefined, token)).items, []);
      const after = await app.api(
        'GET',
        `/api/readings/latest?sensor=${encodeURIComponent(H_POWER)}`,
        undefined,
        token,
      );
      assert.deepEqual(after.items, []);

      // The owner's access log lists the client's reads (written within the log's flush interval).
      await app.until(
        async () => (await app.api('GET', `/api/access-log?actor=client:${clientId}`)).items.length > 0,
        "the client's read in the access log",
      );
      await p.reload();
      const log = p.getByRole('table', { name: 'Data access log' });
      await log.locator(`tr[data-reader="client:${clientId}"]`).first().waitFor();
      await p.getByLabel('Reader').selectOption(`client:${clientId}`);
      await log.locator('tbody tr').first().waitFor();
      assert.equal(
        await log
          .locator('tbody tr')
          .evaluateAll((rows, id) => rows.every((r) => r.getAttribute('data-reader') === id), `client:${clientId}`),
        true,
      );
      assert.match(await log.locator(`tr[data-reader="client:${clientId}"]`).first().innerText(), /acc-meter · power/);

      for (const [size, viewport] of [
        ['desktop', { width: 1280, height: 800 }],
        ['phone', { width: 390, height: 844 }],
      ]) {
        await p.setViewportSize(viewport);
        await axe(p, 'access');
        const wide = await p.evaluate(() =>
          [...document.querySelectorAll('main *')]
            .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1)
            .slice(0, 3)
            .map((e) => `${e.tagName}.${e.className} ${e.textContent?.slice(0, 40)}`),
        );
        assert.deepEqual(wide, [], `fits ${size}`);
        await p.screenshot({
          path: new URL(`access-${size}.png`, SHOTS).pathname,
          animations: 'disabled',
          fullPage: true,
        });
      }
      await p.context().close();
    },
  );

  it(
    'manages users (create, role, disable) and API clients (secret once, rotate, revoke), and filters and exports the audit trail',
    { skip },
    async () => {
      if (noBrowser) throw noBrowser;
      const p = await page();
      await logIn(p, admin);
      await p.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Users' }).click();
      await p.getByRole('heading', { name: 'Users and API clients', level: 1 }).waitFor();
      const email = `dave-${randomUUID().slice(0, 8)}@example.org`;
      const create = p.getByRole('form', { name: 'Create a user' });
      await create.getByLabel('Email').fill(email);
      await create.getByLabel('Display name').fill('Dave');
      await create.getByLabel('Initial password').fill(`pw-${randomUUID()}`);
      await create.getByRole('button', { name: 'Create user' }).click();
      await create.getByText(`Created ${email}.`).waitFor();
      const row = p.locator(`tr[data-user="${email}"]`);
      await p.getByLabel(`Role of ${email}`).selectOption('admin');
      await row.getByText('Now admin.').waitFor();
      await row.getByRole('button', { name: `Disable ${email}` }).click();
      await row.getByRole('button', { name: 'Disable now' }).click();
      await row.getByText(/^disabled /).waitFor();
      const dave = (await app.api('GET', '/api/users?limit=500')).items.find((u) => u.email === email);
      assert.equal(dave.role, 'admin');
      assert.notEqual(dave.disabledAt, null);

      // The admin's own sessions: this browser's, and a second login elsewhere, which is revoked from here.
      const elsewhere = await app.tokenOf(admin);
      const sessions = p.locator(`details[data-sessions="${admin.email}"]`);
      await sessions.getByText('Sessions').click();
      const open = sessions.getByRole('list', { name: `Open sessions of ${admin.email}` });
      const sid = JSON.parse(Buffer.from(elsewhere.split('.')[1], 'base64url').toString()).sid;
      const other = open.locator(`li[data-session="${sid}"]`);
      await other.waitFor();
      // Every earlier test signed the admin in too: one of them is this browser, marked as such.
      assert.equal(await open.getByText('(this browser)').count(), 1);
      await other.getByRole('button', { name: /^Revoke session since / }).click();
      await other.getByRole('button', { name: 'Revoke now' }).click();
      await sessions.getByText('Session revoked.').waitFor();
      await other.waitFor({ state: 'detached' });
      await assert.rejects(app.api('GET', '/api/me', undefined, elsewhere), /: 401 /);

      const register = p.getByRole('form', { name: 'Register an API client' });
      await register.getByLabel('Name').fill('tariff sync');
      await register.getByLabel('Organisation').fill('Power Co');
      await register.getByRole('button', { name: 'Register client' }).click();
      const once = p.getByRole('region', { name: /^Secret of client / });
      const secret = (await once.locator('[data-secret]').innerText()).trim();
      assert.ok(secret.length >= 20);
      await once.getByLabel('I have saved it').check();
      await once.getByRole('button', { name: 'Done, hide it' }).click();
      const client = p.getByRole('table', { name: 'API clients' }).getByRole('row', { name: /tariff sync/ });
      await client.getByRole('button', { name: 'Rotate secret of tariff sync' }).click();
      await client.getByRole('button', { name: 'Rotate now' }).click();
      const rotated = (
        await p
          .getByRole('region', { name: /^New secret of client / })
          .locator('[data-secret]')
          .innerText()
      ).trim();
      assert.notEqual(rotated, secret);
      await p.reload();
      await p.getByRole('table', { name: 'API clients' }).waitFor();
      assert.doesNotMatch(await p.content(), new RegExp(`${secret}|${rotated}`));
      await client.getByRole('button', { name: 'Revoke tariff sync' }).click();
      await client.getByRole('button', { name: 'Revoke now' }).click();
      await client.getByText(/^revoked /).waitFor();

      await p.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Audit' }).click();
      await p.getByRole('heading', { name: 'Audit', level: 1 }).waitFor();
      const filter = p.getByRole('form', { name: 'Filter' });
      await filter.getByLabel('Event type').fill('UserRoleChanged');
      await filter.getByRole('button', { name: 'Apply' }).click();
      const entries = p.getByRole('list', { name: 'Audit entries' });
      await entries.locator('li[data-type="UserRoleChanged"]').first().waitFor();
      await app.until(
        async () =>
          (await entries.locator('li').count()) === (await entries.locator('li[data-type="UserRoleChanged"]').count()),
        'only the filtered type listed',
      );
      // Newest first.
      const seqs = await entries.locator('li').evaluateAll((items) => items.map((li) => Number(li.dataset.seq)));
      assert.deepEqual(
        seqs,
        [...seqs].sort((a, b) => b - a),
      );
      await entries.locator('li').first().locator('summary').click();
      await entries.locator('li').first().getByText('Correlation').waitFor();
      const download = p.waitForEvent('download');
      await filter.getByRole('button', { name: 'Export CSV' }).click();
      const csv = readFileSync(await (await download).path(), 'utf8');
      assert.match(csv, /UserRoleChanged/);
      assert.doesNotMatch(csv, /UserRegistered/);
      await p.context().close();
    },
  );
});
