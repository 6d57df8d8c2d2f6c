// The exchanges pages (#/exchanges, #/exchanges/X1) in chromium against a real `canje serve`, on
// the exchange tests/global-setup.ts makes with the command line: a mediator reads it, its
// workflow picture and its timeline, creates another exchange and collapses it (a reason
// required); the United States rejects a version that Venezuela counters meanwhile (said, the
// reason kept, nothing recorded), opens the counter and counters it in turn (a draft, then
// tabled); Venezuela accepts that one after another party's answer made its page stale (412,
// said, reloaded, accepted), and signs it: a signature by a key not enrolled is refused, its own
// is shown valid. Each change is checked in the store with the command line. A
// negotiator's answers carry no refusal, note or name it may not read; axe and screenshots in
// both languages, and the exchange page on a tablet.
import { expect, test, type Browser, type Locator, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { createHash, generateKeyPairSync, sign } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import type { AgreementCheck, Proposal } from '../src/api/types';
import {
  canjeJson, dictionaries, expectAccessible, fixture, keepScreenshot, openInLanguage, recordAnswers, signIn, type Lang,
} from './fixture';

const fill = (text: string, values: Record<string, string>) =>
  Object.entries(values).reduce((out, [name, value]) => out.replaceAll(`{${name}}`, value), text);
const show = (version: string) => canjeJson<Proposal>('exch_med', ['proposal', 'show', version]);
// `canje agreement verify` as JSON: it exits 65 while a signature is missing, with the same JSON.
function verifyAgreement(version: string): AgreementCheck {
  const { binary, db } = fixture();
  try {
    return JSON.parse(execFileSync(binary, ['--db', db, '--as', 'exch_med', '--json', 'agreement', 'verify', version], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }));
  } catch (error) {
    return JSON.parse((error as { stdout: string }).stdout);
  }
}

async function signedIn(browser: Browser, lang: Lang, user: string, viewport?: { width: number; height: number }): Promise<Page> {
  const page = await (await browser.newContext(viewport ? { viewport } : {})).newPage();
  await openInLanguage(page, lang);
  await signIn(page, lang, fixture().users[user]);
  return page;
}

async function openExchange(page: Page, lang: Lang, version = '') {
  const t = dictionaries[lang];
  const X = fixture().exchange.id;
  await page.goto(`${fixture().url}/#/exchanges/${X}${version ? `?v=${version}` : ''}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(fill(t['exch.title'], { id: X, name: 'console-exchange (synthetic)' }));
  await expect(page.getByTestId('timeline')).toBeVisible();
}

const card = (page: Page, version: string) => page.locator(`li.version[data-version="${version}"]`);
// What a version's card says after an answer (its own status line, not that of its signatures).
const answerStatus = (page: Page, version: string) => card(page, version).locator(':scope > [role="status"]');
// The row of a person in a table: its first cell is the id, or the name and the id in brackets.
const personRow = (scope: Locator, id: string) =>
  scope.getByRole('row').filter({ has: scope.page().getByRole('cell', { name: new RegExp(`^(${id}|.* \\(${id}\\))$`) }) });

test('axe and a screenshot of the exchanges list and of an exchange, in Spanish and in English', async ({ browser }, testInfo) => {
  const { id: X, versions: [, , V3] } = fixture().exchange;
  for (const lang of ['es', 'en'] as Lang[]) {
    const t = dictionaries[lang];
    const page = await signedIn(browser, lang, `exch_axe_${lang}`);
    await page.getByRole('link', { name: t['exch.nav'] }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(t['exch.list.title']);
    const row = page.getByRole('row').filter({ hasText: `${X} · console-exchange (synthetic)` });
    await expect(row).toContainText(t['exch.state.negotiating']);
    // A negotiator does not create exchanges: no form.
    await expect(page.getByRole('heading', { name: t['exch.create.title'] })).toHaveCount(0);
    await expectAccessible(page, `the exchanges list (${lang})`);
    await keepScreenshot(page, testInfo, `${lang}-exchanges`);

    await row.getByRole('link').click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(fill(t['exch.title'], { id: X, name: 'console-exchange (synthetic)' }));
    await expect(card(page, V3).getByRole('button', { name: fill(t['exch.answer.accept'], { version: V3, party: 'USA' }) })).toBeVisible();
    await page.getByRole('button', { name: t['exch.solve.candidates'] }).click();
    await expect(page.getByTestId('candidates')).toBeVisible();
    await page.getByRole('button', { name: t['exch.solve.run'] }).click();
    await expect(page.getByTestId('solution')).toBeVisible();
    await expectAccessible(page, `the exchange page (${lang})`);
    await keepScreenshot(page, testInfo, `${lang}-exchange`);
    await page.context().close();
  }
});

test('the exchange page on a tablet (768×1024): readable without sideways scrolling', async ({ browser }, testInfo) => {
  const t = dictionaries.en;
  const V3 = fixture().exchange.versions[2];
  const page = await signedIn(browser, 'en', 'exch_tablet', { width: 768, height: 1024 });
  await openExchange(page, 'en', V3);
  await expect(page.getByTestId('workflow').locator('[aria-current="step"]')).toContainText(t['exch.state.negotiating']);
  await expect(card(page, V3).getByLabel(t['exch.answer.reason'])).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(768);
  await expectAccessible(page, 'the exchange page on a tablet');
  await keepScreenshot(page, testInfo, 'en-exchange-tablet');
});

test('a negotiator\'s answers carry no refusal, note or name it may not read; the solver says "not available (confidential)"', async ({ browser }) => {
  const t = dictionaries.en;
  const { refused, held, id: X } = fixture().exchange;
  const page = await signedIn(browser, 'en', 'exch_private');
  const answers = recordAnswers(page);
  await openExchange(page, 'en');
  await page.getByRole('button', { name: t['exch.solve.candidates'] }).click();
  const excluded = personRow(page.getByTestId('candidates'), refused.id);
  await expect(excluded).toContainText('not available (confidential)');
  // A court order is not personal: its reason is read by everyone.
  await expect(personRow(page.getByTestId('candidates'), held)).toContainText('Supreme Court (synthetic)');
  // What it would take to include the person who refused: the API refuses, and says no more.
  await page.getByLabel(t['exch.solve.require']).fill(refused.id);
  await page.getByRole('button', { name: t['exch.solve.run'] }).click();
  await expect(page.getByRole('alert')).toContainText(`${refused.id} cannot be in any deal of ${X}: not available (confidential)`);
  await page.getByLabel(t['exch.solve.require']).fill('');
  await page.getByRole('button', { name: t['exch.solve.run'] }).click();
  await expect(page.getByTestId('solution').locator('h3')).toContainText(t['exch.solve.status.optimal']);
  await expect(personRow(page.getByTestId('solution'), refused.id)).toContainText('not available (confidential)');

  const everything = answers.join('\n') + await page.locator('body').innerText();
  expect(answers.length).toBeGreaterThan(5);
  expect(everything).not.toContain(refused.note);
  expect(everything).not.toContain(refused.name);
  expect(everything).not.toMatch(/refus/i);
  expect(everything).not.toMatch(/interview/i);
});

test('a mediator and the negotiators in turn: the exchange, its workflow, a counter that supersedes, a stale page, and the answers in the store', async ({ browser }, testInfo) => {
  const { refused, id: X, versions: [V1, V2, V3] } = fixture().exchange;
  let V4 = '', V5 = ''; // made by the test: Venezuela's counter to V3, the United States' to V4
  // The mediator, in English: the list, a new exchange, X1 with its sides, workflow and timeline.
  {
    const t = dictionaries.en;
    const page = await signedIn(browser, 'en', 'exch_med');
    await page.getByRole('link', { name: t['exch.nav'] }).click();
    await expect(page.getByRole('row').filter({ hasText: `${X} · console-exchange (synthetic)` })).toContainText(t['exch.state.negotiating']);
    const before = canjeJson<unknown[]>('exch_med', ['exchange', 'list']).length;
    await page.getByRole('button', { name: t['exch.create.submit'] }).click();
    await expect(page.getByText(t['exch.create.nameMissing'])).toBeVisible();
    expect(canjeJson<unknown[]>('exch_med', ['exchange', 'list'])).toHaveLength(before);
    await page.getByLabel(t['exch.create.name']).fill('console-second (synthetic)');
    await page.getByLabel(t['exch.create.mediator']).selectOption('PUENTE');
    await page.getByRole('button', { name: t['exch.create.submit'] }).click();
    await expect(page.getByRole('status')).not.toBeEmpty();
    const made = canjeJson<{ id: string; name: string; mediator: string }[]>('exch_med', ['exchange', 'list']);
    expect(made).toHaveLength(before + 1);
    const id = made.find((x) => x.name === 'console-second (synthetic)')!.id;
    expect(made.find((x) => x.id === id)!.mediator).toBe('PUENTE');
    await expect(page.getByRole('status')).toHaveText(fill(t['exch.create.done'], { id }));
    await expect(page.getByRole('row').filter({ hasText: `${id} · console-second (synthetic)` })).toBeVisible();

    // The new exchange collapses at once: a reason is needed, and the picture then says so.
    await page.getByRole('link', { name: `${id} · console-second (synthetic)` }).click();
    await page.getByRole('button', { name: t['exch.workflow.collapse'] }).click();
    await expect(page.getByText(t['exch.workflow.reasonMissing'])).toBeVisible();
    expect(canjeJson<{ state: string }>('exch_med', ['exchange', 'state', id]).state).toBe('negotiating');
    await page.getByLabel(t['exch.workflow.collapseReason']).fill('created by mistake (synthetic)');
    await page.getByRole('button', { name: t['exch.workflow.collapse'] }).click();
    await expect(page.getByTestId('workflow').locator('[aria-current="step"]')).toHaveAttribute('data-state', 'collapsed');
    await expect(page.getByText(fill(t['exch.workflow.reason'], { reason: 'created by mistake (synthetic)' }))).toBeVisible();
    expect(canjeJson<{ state: string; reason: string }>('exch_med', ['exchange', 'state', id]))
      .toMatchObject({ state: 'collapsed', reason: 'created by mistake (synthetic)' });

    // An exchange in execution (tests/execution-setup.ts): the picture marks executing, the steps
    // before it passed, and leads to its execution page.
    const executing = fixture().execution.exchange;
    await page.goto(`${fixture().url}/#/exchanges/${executing}`);
    await expect(page.getByTestId('workflow').locator('[aria-current="step"]')).toHaveAttribute('data-state', 'executing');
    await expect(page.getByTestId('workflow').locator('.step-done')).toHaveCount(3);
    await expect(page.getByRole('button', { name: fill(t['exch.workflow.advance'], { state: t['exch.state.completed'] }) })).toBeVisible();
    await page.getByRole('link', { name: t['exch.workflow.execution'] }).click();
    await expect(page).toHaveURL(new RegExp(`#/execution/${executing}$`));

    await openExchange(page, 'en');
    await expect(page.getByRole('row', { name: /SLV\+USA/ })).toContainText('SLV, USA');
    const workflow = page.getByTestId('workflow');
    await expect(workflow.locator('li')).toHaveCount(6);
    const current = workflow.locator('[aria-current="step"]');
    await expect(current).toHaveCount(1);
    await expect(current).toHaveAttribute('data-state', 'negotiating');
    await expect(current).toContainText(t['exch.workflow.current']);
    await expect(page.getByRole('button', { name: t['exch.workflow.collapse'] })).toBeVisible();
    // A mediator answers for no party.
    await expect(page.getByRole('button', { name: /^Accept/ })).toHaveCount(0);
    await expect(page.getByTestId('timeline').locator('li.version')).toHaveCount(3);
    await expect(card(page, V1)).toContainText(t['exch.state.rejected']);
    await expect(card(page, V1).locator('.responses')).toContainText('VEN rejected');
    await expect(card(page, V1).locator('.responses')).toContainText('cynical (synthetic)');
    await expect(card(page, V2).locator('h3')).toContainText(t['exch.state.countered']);
    await expect(card(page, V3).locator('.responses')).toContainText(fill(t['exch.response.waiting'], { parties: 'USA, VEN' }));
    const slvToVen = page.getByTestId(`diff-${V3}`).getByRole('row', { name: /SLV → VEN/ });
    await expect(slvToVen.locator('td')).toHaveText(['12', '10', '−2']);
    // The mediator reads why a person is not available; a negotiator does not (the test above).
    await page.getByRole('button', { name: t['exch.solve.run'] }).click();
    await expect(personRow(page.getByTestId('solution'), refused.id)).toContainText('refused a transfer to VEN');
    await keepScreenshot(page, testInfo, 'en-exchange-mediator');
    await page.context().close();
  }

  // The United States, in Spanish, rejects V3 while Venezuela counters it: nothing recorded, the
  // reason kept, the way to V4 offered; it counters V4 and tables its counter.
  {
    const t = dictionaries.es;
    const page = await signedIn(browser, 'es', 'exch_usa');
    await openExchange(page, 'es', V3);
    await expect(page.locator(`#version-${V3}`)).toBeFocused();
    const reason = card(page, V3).getByLabel(t['exch.answer.reason']);
    // A rejection without a reason is stopped by the form.
    await card(page, V3).getByRole('button', { name: fill(t['exch.answer.reject'], { version: V3 }) }).click();
    await expect(card(page, V3).getByText(t['exch.answer.reasonMissing'])).toBeVisible();
    await reason.fill('demasiado pocos (sintético)');
    const v3Counter = card(page, V3).getByRole('group', { name: fill(t['exch.counter.legend'], { version: V3 }) });
    await v3Counter.getByLabel('SLV → VEN').fill('11');
    V4 = canjeJson<{ version: string }>('exch_setup_ven', ['proposal', 'create', X, '--counts', 'SLV>VEN=11,VEN>USA=11', '--parent', V3]).version;
    canjeJson('exch_setup_ven', ['proposal', 'table', V4]);
    const stale = page.waitForResponse((r) => new URL(r.url()).pathname === `/v1/proposals/${V3}/reject`);
    await card(page, V3).getByRole('button', { name: fill(t['exch.answer.reject'], { version: V3 }) }).click();
    expect((await stale).status()).toBe(412);
    const alert = page.getByTestId(`conflict-${V3}`);
    await expect(alert).toContainText(fill(t['exch.conflict.countered'], { version: V3, counter: V4, party: 'VEN' }));
    await expect(reason).toHaveValue('demasiado pocos (sintético)');
    const v3 = show(V3);
    expect(v3.state).toBe('countered');
    expect(v3.responses.map((r) => r.party)).toEqual(['SLV']);
    await keepScreenshot(page, testInfo, 'es-exchange-conflict');
    // Its counter to V3, sent now, is refused too (409: superseded), and says the same; the
    // numbers typed stay, and no version is made.
    const refusal = page.waitForResponse((r) => new URL(r.url()).pathname === `/v1/proposals/${V3}/counter`);
    await v3Counter.getByRole('button', { name: t['exch.counter.submit'] }).click();
    expect((await refusal).status()).toBe(409);
    await expect(alert).toContainText(fill(t['exch.conflict.countered'], { version: V3, counter: V4, party: 'VEN' }));
    await expect(v3Counter.getByLabel('SLV → VEN')).toHaveValue('11');
    await expect(reason).toHaveValue('demasiado pocos (sintético)');
    expect(canjeJson<unknown[]>('exch_med', ['proposal', 'list', X])).toHaveLength(4);
    // The way to the version that superseded it.
    await alert.getByRole('link', { name: fill(t['exch.conflict.open'], { version: V4 }) }).click();
    await expect(page.locator(`#version-${V4}`)).toBeFocused();
    await expect(page.getByTestId('timeline').locator('li.version')).toHaveCount(4);
    await expect(card(page, V3).locator('h3')).toContainText(t['exch.state.countered']);
    // It counters V4 with other numbers: a draft, which it tables.
    const counter = card(page, V4).getByRole('group', { name: fill(t['exch.counter.legend'], { version: V4 }) });
    await counter.getByLabel('SLV → VEN').fill('12');
    await counter.getByLabel('VEN → USA').fill('12');
    await counter.getByRole('button', { name: t['exch.counter.submit'] }).click();
    await expect(answerStatus(page, V4)).not.toBeEmpty();
    V5 = canjeJson<{ version: string }[]>('exch_med', ['proposal', 'list', X]).at(-1)!.version;
    await expect(answerStatus(page, V4)).toHaveText(fill(t['exch.counter.done'], { version: V5 }));
    await expect(card(page, V5).locator('h3')).toContainText(t['exch.state.draft']);
    await card(page, V5).getByRole('button', { name: fill(t['exch.table.submit'], { version: V5 }) }).click();
    await expect(answerStatus(page, V5)).toHaveText(fill(t['exch.answer.done'], { version: V5, state: t['exch.state.tabled'] }));
    const v5 = show(V5);
    expect([v5.state, v5.parent, v5.counts, v5.created_by]).toEqual(['tabled', V4, 'SLV>VEN=12,VEN>USA=12', 'exch_usa']);
    expect(show(V4).state).toBe('countered');
    await expect(card(page, V4).locator('h3')).toContainText(t['exch.state.countered']);
    await page.context().close();
  }

  // Venezuela, in English: El Salvador answers V5 after the page read it, so Venezuela's
  // acceptance is refused (412) and said; reloaded, it is accepted and V5 agreed in principle.
  {
    const t = dictionaries.en;
    canjeJson('exch_setup_usa', ['proposal', 'accept', V5, '--party', 'USA']);
    const page = await signedIn(browser, 'en', 'exch_ven');
    await openExchange(page, 'en', V5);
    const accept = card(page, V5).getByRole('button', { name: fill(t['exch.answer.accept'], { version: V5, party: 'VEN' }) });
    await expect(accept).toBeVisible();
    canjeJson('exch_setup_slv', ['proposal', 'accept', V5, '--party', 'SLV']);
    await accept.click();
    const alert = page.getByTestId(`conflict-${V5}`);
    await expect(alert).toContainText(fill(t['exch.conflict.changed'], { version: V5, answers: fill(t['exch.response.acceptedShort'], { party: 'SLV' }) }));
    expect(show(V5).responses.map((r) => r.party).sort()).toEqual(['SLV', 'USA']);
    await alert.getByRole('button', { name: fill(t['exch.conflict.reload'], { version: V5 }) }).click();
    await expect(card(page, V5).locator('.responses')).toContainText('SLV accepted');
    await accept.click();
    await expect(answerStatus(page, V5)).toHaveText(fill(t['exch.answer.done'], { version: V5, state: t['exch.state.agreed-in-principle'] }));
    const agreed = show(V5);
    expect(agreed.state).toBe('agreed-in-principle');
    expect(agreed.responses).toContainEqual(expect.objectContaining({ party: 'VEN', by: 'exch_ven', response: 'accepted' }));
    await expect(card(page, V5).locator('h3')).toContainText(t['exch.state.agreed-in-principle']);

    // Signing V5: Venezuela enrols a key (the command line, as its negotiator would), signs the
    // manifest offline, and uploads the signature; a signature by a key not enrolled is refused.
    const signatures = page.getByTestId(`signatures-${V5}`);
    await expect(signatures.getByRole('row', { name: /VEN/ })).toContainText(`… ${t['exch.sign.missing']}`);
    const { binary, db } = fixture();
    const manifestFile = testInfo.outputPath('V5-manifest.json');
    execFileSync(binary, ['--db', db, '--as', 'exch_setup_ven', 'proposal', 'manifest', V5, '--out', manifestFile]);
    const manifest = readFileSync(manifestFile);
    await expect(signatures).toContainText(fill(t['exch.sign.digest'], { digest: createHash('sha256').update(manifest).digest('hex') }));
    await expect(signatures).toContainText(t['exch.sign.digestSame']);
    const key = generateKeyPairSync('ed25519'), intruder = generateKeyPairSync('ed25519');
    const publicPem = testInfo.outputPath('ven.pub.pem');
    writeFileSync(publicPem, key.publicKey.export({ type: 'spki', format: 'pem' }));
    execFileSync(binary, ['--db', db, '--as', 'exch_setup_ven', 'party', 'key', 'add', 'VEN', '--pem', publicPem]);
    const upload = signatures.getByRole('button', { name: fill(t['exch.sign.submit'], { party: 'VEN' }) });
    await upload.click();
    await expect(signatures.getByText(t['exch.sign.fileMissing'])).toBeVisible();
    const intruderSig = testInfo.outputPath('intruder.sig'), venSig = testInfo.outputPath('ven.sig');
    writeFileSync(intruderSig, sign(null, manifest, intruder.privateKey));
    writeFileSync(venSig, sign(null, manifest, key.privateKey));
    const file = signatures.getByLabel(fill(t['exch.sign.file'], { party: 'VEN' }));
    await file.setInputFiles(intruderSig);
    await upload.click();
    await expect(signatures.getByRole('alert')).toContainText('not by any key of VEN');
    expect(verifyAgreement(V5).parties.find((p) => p.party === 'VEN')?.status).toBe('missing');
    await file.setInputFiles(venSig);
    await upload.click();
    await expect(signatures.getByRole('status')).toContainText(fill(t['exch.sign.added'], { party: 'VEN', key: '' }).replace(').', ''));
    await expect(signatures.getByRole('row', { name: /VEN/ })).toContainText(`✓ ${t['exch.sign.valid']}`);
    const check = verifyAgreement(V5);
    expect(check.parties.map((p) => [p.party, p.status])).toEqual([['SLV', 'missing'], ['USA', 'missing'], ['VEN', 'valid']]);
    expect(check.complete).toBe(false);
    await expectAccessible(page, 'an agreement\'s signatures');
    await keepScreenshot(page, testInfo, 'en-exchange-signatures');
    await page.context().close();
  }
});
