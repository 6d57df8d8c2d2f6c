#!/usr/bin/env node
// The web console's time to a first view, in Debian's chromium (headless) against `canje serve`
// on loopback over a `canje demo` store:
//   sign-in  a first visit: the sign-in page's heading shown (nothing cached, no session);
//   overview cold  a signed-in person opening the console in a new browser context (nothing
//            cached): the overview's figures, chart and tables shown — the script, the style
//            sheet and five API answers;
//   overview warm  the same page reloaded (script and style sheet from the browser's cache).
// Each time is the page's own clock from the navigation's start (performance.now()) to the
// moment the awaited elements are in the page. Runs RUNS times (default 15) and prints the
// minimum, median and maximum of each, with the machine's load average before and after.
//
// Usage (after `make build`; the console's npm packages installed by scripts/bootstrap):
//   node bench/console/first_view.mjs [build/canje] [RUNS]
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const binary = path.resolve(process.argv[2] ?? path.join(root, 'build/canje'));
const runs = Number(process.argv[3] ?? 15);
const { chromium } = createRequire(path.join(root, 'console/package.json'))('playwright-core');

const folder = mkdtempSync(path.join(tmpdir(), 'canje-first-view-'));
const db = path.join(folder, 'canje.db');
const canje = (args, env = {}) => execFileSync(binary, ['--db', db, ...args], { env: { ...process.env, ...env }, encoding: 'utf8' });
canje(['demo']);
canje(['user', 'add', 'bench', '--party', 'VEN', '--role', 'negotiator']);
const password = 'synthetic-bench-password';
canje(['user', 'password', 'set', 'bench'], { CANJE_PASSWORD: password });
const { secret } = JSON.parse(canje(['--json', 'user', 'totp', 'enrol', 'bench']));

const server = spawn(binary, ['--db', db, 'serve', '--listen', '127.0.0.1:0', '--log-level', 'error'], { stdio: ['ignore', 'pipe', 'inherit'] });
process.on('exit', () => server.kill('SIGTERM'));  // also when a step below fails
const url = await new Promise((resolve, reject) => {
  createInterface({ input: server.stdout }).once('line', (line) => {
    const match = /^listening on (http:\/\/\S+)$/.exec(line);
    if (match) resolve(match[1]); else reject(new Error(`canje serve said: ${line}`));
  });
  server.once('exit', (code) => reject(new Error(`canje serve exited with ${code}`)));
});

const browser = await chromium.launch({ executablePath: process.env.CANJE_CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
const load = [loadavg()[0]];

// A session for the overview runs: signed in once through the API, its cookie and CSRF token
// kept as the browser's storage state (a TOTP code is accepted once, so not once per run).
const signer = await browser.newContext();
const code = execFileSync(path.join(root, 'scripts/totp-code'), [secret], { encoding: 'utf8' }).trim().split(' ')[0];
const signedIn = await signer.request.post(`${url}/v1/session`, { data: { name: 'bench', password, code } });
if (!signedIn.ok()) throw new Error(`signing in: ${signedIn.status()} ${await signedIn.text()}`);
const { csrf_token: csrf } = await signedIn.json();
const state = await signer.storageState();
state.origins = [{ origin: url, localStorage: [{ name: 'canje.lang', value: 'es' }] }];
await signer.close();

async function timeTo(page, selectors) {
  for (const selector of selectors) await page.waitForSelector(selector, { state: 'visible', timeout: 20_000 });
  return page.evaluate(() => performance.now());
}

const times = { 'sign-in': [], 'overview cold': [], 'overview warm': [] };
const overview = ['h1', 'dl.figures', 'figure.chart svg', '#lists-heading + div table tbody tr'];
for (let i = 0; i < runs; i++) {
  const fresh = await browser.newContext();
  const first = await fresh.newPage();
  await first.goto(`${url}/`);
  times['sign-in'].push(await timeTo(first, ['#signin-name', 'h1']));
  await fresh.close();

  const context = await browser.newContext({ storageState: state });
  await context.addInitScript((token) => sessionStorage.setItem('canje.csrf', token), csrf);
  const page = await context.newPage();
  await page.goto(`${url}/#/`);
  times['overview cold'].push(await timeTo(page, overview));
  await page.reload();
  times['overview warm'].push(await timeTo(page, overview));
  await context.close();
}
load.push(loadavg()[0]);
await browser.close();
server.kill('SIGTERM');
await new Promise((resolve) => server.once('exit', resolve));
rmSync(folder, { recursive: true, force: true });

const assets = path.join(path.dirname(binary), 'console/assets');
const bytes = readdirSync(assets).reduce((sum, name) => sum + statSync(path.join(assets, name)).size, 0);
console.log(`first view of the console, ${runs} runs, chromium headless, canje serve on loopback (${bytes} B of script and style)`);
console.log(`load average (1 min) before ${load[0].toFixed(2)}, after ${load[1].toFixed(2)}`);
console.log('page            min ms  median ms  max ms');
for (const [name, values] of Object.entries(times)) {
  const sorted = [...values].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)];
  console.log(`${name.padEnd(15)} ${sorted[0].toFixed(0).padStart(6)} ${median.toFixed(0).padStart(10)} ${sorted.at(-1).toFixed(0).padStart(7)}`);
}
