/* global document */
// Finds and launches Debian's Chromium for the browser tests; never downloads a browser.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';

// CHROMIUM_PATH, when set, is the only candidate (so a wrong one is reported rather than silently replaced).
const candidates = process.env.CHROMIUM_PATH
  ? [process.env.CHROMIUM_PATH]
  : ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome-stable'];
export const CHROMIUM_PATH = candidates.find((path) => existsSync(path));

const required = process.env.CI === 'true' || process.env.E2E_REQUIRE_BROWSER === '1';

/** `false` to run; a reason string to skip. Under CI a missing browser is not skipped: launch() then fails the suite. */
export const skip =
  CHROMIUM_PATH || required
    ? false
    : `no Chromium found at ${candidates.join(', ')} (set CHROMIUM_PATH or apt-get install chromium)`;

export function chromiumMajor() {
  if (!CHROMIUM_PATH) return null;
  // Debian's wrapper script complains on stderr about its own environment checks; only the version line matters.
  const version = execFileSync(CHROMIUM_PATH, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  return Number(/(\d+)\.\d+\.\d+\.\d+/.exec(version)?.[1] ?? NaN);
}

// Playwright gives every launch a fresh temporary profile (its own --user-data-dir), removed on close.
export async function launch() {
  if (!CHROMIUM_PATH)
    throw new Error(
      'Chromium is required (CI=true) but none was found; .ci/run installs it with apt-get install chromium',
    );
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-dev-shm-usage',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Signs `user` in through the login page at `url` and waits for the Now page. */
export async function logIn(p, url, user) {
  await p.goto(url);
  await p.getByLabel('Email').fill(user.email);
  await p.getByLabel('Password').fill(user.password);
  await p.getByRole('button', { name: 'Sign in' }).click();
  await p.getByRole('heading', { name: 'Now', level: 1 }).waitFor();
}

/** Runs axe-core (WCAG 2.1 A and AA) over the page and fails on any serious or critical violation, naming `name`. */
export async function expectAccessible(p, name) {
  await p.evaluate(AXE);
  const result = await p.evaluate(() => globalThis.axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21aa'] }));
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  assert.deepEqual(
    bad.map((v) => `${name}: ${v.id} ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`),
    [],
  );
}
