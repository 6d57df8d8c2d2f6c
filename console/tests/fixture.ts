// What tests/global-setup.ts prepared, and the steps the tests share: signing in through the
// form, axe's check of a page, a screenshot kept as an artifact.
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, type TestInfo } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { en } from '../src/i18n/en';
import { es } from '../src/i18n/es';
import type { ExecutionFixture } from './execution-setup';
import type { StagesFixture } from './stages-setup';
import { codeFor, currentCode } from './totp';

export interface TestUser { name: string; party: string; role: string; password: string; secret: string }
export interface Fixture {
  url: string;
  db: string;      // the store `canje serve` serves, for checks with the command line
  binary: string;
  users: Record<string, TestUser>;
  refused: { id: string; name: string; note: string };
  otherVkey: string; // the verifier key of another demo store's log
  // The exchange of the exchanges pages: its id, name and three versions (the first rejected, the
  // others counters), a person whose refusal (with its note) no negotiator may read, and one
  // under a court order.
  exchange: {
    id: string; name: string; versions: string[];
    refused: { id: string; name: string; note: string }; held: string;
  };
  execution: ExecutionFixture; // an agreed exchange in execution (tests/execution-setup.ts)
  stages: StagesFixture;       // stages, guarantors, observers, a prisoner of war (tests/stages-setup.ts)
}

export function fixture(): Fixture {
  return JSON.parse(readFileSync(process.env.CANJE_CONSOLE_FIXTURE!, 'utf8'));
}

// `canje --db STORE --json ARGS` on the store the server serves, as `user`: its JSON answer (a
// failure throws, its message in the error's `stderr`).
export function canjeJson<T>(user: string, args: string[]): T {
  const { binary, db } = fixture();
  return JSON.parse(execFileSync(binary, ['--db', db, '--as', user, '--json', ...args], { encoding: 'utf8', maxBuffer: 64 << 20, stdio: ['ignore', 'pipe', 'pipe'] }));
}

// `canje --db STORE ARGS` on the store the server serves: its raw output (`log vkey`, …).
export function canjeText(args: string[]): string {
  const { binary, db } = fixture();
  return execFileSync(binary, ['--db', db, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

// Every answer of the API the page received, as text.
export function recordAnswers(page: Page): string[] {
  const bodies: string[] = [];
  page.on('response', async (response) => {
    if (!new URL(response.url()).pathname.startsWith('/v1/')) return;
    try {
      bodies.push(await response.text());
    } catch {
      // a body the browser no longer holds (a redirect): nothing to read
    }
  });
  return bodies;
}

export const dictionaries = { es, en };
export type Lang = keyof typeof dictionaries;

// Opens the console with `lang` chosen on the sign-in page's own switch (starting from the
// other language), and checks that <html lang> and the page follow.
export async function openInLanguage(page: Page, lang: Lang) {
  const other: Lang = lang === 'es' ? 'en' : 'es';
  await page.addInitScript((first) => {
    if (!sessionStorage.getItem('canje.test.started')) {
      sessionStorage.setItem('canje.test.started', '1');
      localStorage.setItem('canje.lang', first);
    }
  }, other);
  await page.goto(fixture().url + '/');
  await expect(page.locator('html')).toHaveAttribute('lang', other);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(dictionaries[other]['signin.title']);
  // A first visit: nobody's session ended, so nothing says so.
  await expect(page.getByRole('status')).toHaveCount(0);
  await page.getByLabel(dictionaries[other]['lang.label']).selectOption(lang);
  await expect(page.locator('html')).toHaveAttribute('lang', lang);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(dictionaries[lang]['signin.title']);
}

// Fills the sign-in form (the right details unless `changes` says otherwise), sends it, and
// waits for the server's answer.
export async function fillSignIn(page: Page, lang: Lang, user: TestUser, changes: { password?: string; code?: string } = {}) {
  const t = dictionaries[lang];
  const code = changes.code ?? (changes.password ? currentCode(user.secret) : await codeFor(user.name, user.secret));
  await page.getByLabel(t['signin.name']).fill(user.name);
  await page.getByLabel(t['signin.password'], { exact: true }).fill(changes.password ?? user.password);
  await page.getByLabel(t['signin.code']).fill(code);
  const answered = page.waitForResponse((r) => new URL(r.url()).pathname === '/v1/session' && r.request().method() === 'POST');
  await page.getByRole('button', { name: t['signin.submit'] }).click();
  return (await answered).status();
}

export async function signIn(page: Page, lang: Lang, user: TestUser) {
  await fillSignIn(page, lang, user);
  const t = dictionaries[lang];
  await expect(page.getByTestId('who')).toHaveText(
    t['header.signedInAs'].replace('{user}', user.name).replace('{party}', user.party)
      .replace('{role}', t[`role.${user.role}` as keyof typeof t]));
}

// axe-core on the page as it is: no serious or critical violation.
export async function expectAccessible(page: Page, what: string) {
  const results = await new AxeBuilder({ page }).analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join('; ')}`),
    `axe on ${what}`).toEqual([]);
}

export async function keepScreenshot(page: Page, testInfo: TestInfo, name: string) {
  await page.screenshot({ path: testInfo.outputPath(`${name}.png`), fullPage: true });
}
