// The whole story in the console alone, in Spanish and in English: a mediator creates an
// exchange and puts the parties on their sides; El Salvador proposes two named persons and
// tables the draft; both parties accept; each signs the manifest (made and signed offline, as
// docs/workflow.md says: the key made and the signature computed outside the console, the public
// key enrolled and the signature uploaded in it); the mediator moves the exchange on; a verifier on a tablet
// interviews both persons; the verifier records the handovers; each party reports its count;
// the mediator's overview shows the exchange's funnel, and an observer reads the count
// afterwards with every difference named. Every step is a person's click or keystroke in the browser, each role in its own
// signed-in browser; the store is read with the command line only to check.
import { expect, test, type Browser, type Page } from '@playwright/test';
import { generateKeyPairSync, sign } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { canjeJson, canjeText, dictionaries, expectAccessible, fixture, keepScreenshot, openInLanguage, signIn, type Lang } from './fixture';

const fill = (text: string, values: Record<string, string>) =>
  Object.entries(values).reduce((out, [name, value]) => out.replaceAll(`{${name}}`, value), text);

async function signedIn(browser: Browser, lang: Lang, user: string, viewport?: { width: number; height: number }): Promise<Page> {
  const page = await (await browser.newContext(viewport ? { viewport } : {})).newPage();
  await openInLanguage(page, lang);
  await signIn(page, lang, fixture().users[user]);
  return page;
}

const stateOf = (user: string, id: string) => canjeJson<{ state: string }>(user, ['exchange', 'state', id]).state;

for (const [lang, offset] of [['es', 230], ['en', 240]] as const) {
  test(`${lang}: the story from an empty exchange to the count afterwards, each role in its own browser`, async ({ browser }, testInfo) => {
    test.setTimeout(180_000);
    const t = dictionaries[lang];
    const user = (role: string) => `st_${role}_${lang}`;
    const roster = canjeJson<{ id: string }[]>(user('med'), ['persons', '--list', 'L1', '--limit', '260']);
    const [first, second] = roster.slice(offset, offset + 2).map((p) => p.id);
    const name = `story-${lang}-${Date.now()}`;

    // The mediator creates the exchange and puts each party on its side.
    const med = await signedIn(browser, lang, user('med'));
    await med.getByRole('link', { name: t['exch.nav'], exact: true }).click();
    await med.getByLabel(t['exch.create.name']).fill(name);
    await med.getByRole('button', { name: t['exch.create.submit'] }).click();
    await expect.poll(() => canjeJson<{ name: string }[]>(user('med'), ['exchange', 'list']).some((x) => x.name === name)).toBe(true);
    const X = canjeJson<{ id: string; name: string }[]>(user('med'), ['exchange', 'list']).find((x) => x.name === name)!.id;
    const openExchange = async (page: Page, version = '') => {
      // Read afresh: the same address again changes no hash, so the page is loaded anew.
      await page.goto(`${fixture().url}/#/exchanges/${X}${version ? `?v=${version}` : ''}`);
      await page.reload();
      await expect(page.getByRole('heading', { level: 1 })).toContainText(X);
    };
    await openExchange(med);
    const partyForm = med.getByRole('form', { name: t['exch.change.party'] });
    for (const party of ['SLV', 'VEN']) {
      await partyForm.getByLabel(t['exch.change.partyLabel']).selectOption(party);
      await partyForm.getByLabel(t['exch.change.bloc']).fill(party);
      await partyForm.getByRole('button', { name: t['exch.change.partySubmit'] }).click();
      await expect(med.getByRole('rowheader', { name: party, exact: true })).toBeVisible();
    }

    // El Salvador proposes the two by name, tables the draft and accepts it; Venezuela accepts.
    const slv = await signedIn(browser, lang, user('slv'));
    await openExchange(slv);
    const draft = slv.getByRole('form', { name: t['exch.new'] });
    await draft.getByText(t['exch.new.kind.named']).click();
    await draft.getByLabel(t['exch.new.csv']).fill(`person,from,to\n${first},SLV,VEN\n${second},SLV,VEN\n`);
    await draft.getByRole('button', { name: t['exch.new.submit'] }).click();
    await expect(slv).toHaveURL(/\?v=V\d+$/);
    const V = new URL(slv.url()).hash.split('?v=')[1];
    await slv.getByRole('button', { name: fill(t['exch.table.submit'], { version: V }) }).click();
    await slv.getByRole('button', { name: fill(t['exch.answer.accept'], { version: V, party: 'SLV' }) }).click();
    await expect.poll(() => canjeJson<{ responses: unknown[] }>(user('med'), ['proposal', 'show', V]).responses.length).toBe(1);
    const ven = await signedIn(browser, lang, user('ven'));
    await openExchange(ven, V);
    await ven.getByRole('button', { name: fill(t['exch.answer.accept'], { version: V, party: 'VEN' }) }).click();
    await expect.poll(() => stateOf(user('med'), X)).toBe('agreed');

    // Each party makes its key and signs the manifest offline (the private key never reaches
    // canje), enrols the public key in the console and uploads the signature.
    const manifestFile = testInfo.outputPath('manifest.json');
    canjeText(['--as', user('ven'), 'proposal', 'manifest', V, '--out', manifestFile]);
    const manifest = readFileSync(manifestFile);
    for (const [page, party] of [[slv, 'SLV'], [ven, 'VEN']] as const) {
      const key = generateKeyPairSync('ed25519');
      const signature = testInfo.outputPath(`${party}.sig`);
      writeFileSync(signature, sign(null, manifest, key.privateKey));
      const enrolled = () => canjeJson<unknown[]>(user('med'), ['party', 'key', 'list', party]).length;
      const before = enrolled();
      await openExchange(page, V);
      await page.getByLabel(fill(t['exch.keys.pem'], { party })).fill(key.publicKey.export({ type: 'spki', format: 'pem' }).toString());
      await page.getByRole('button', { name: fill(t['exch.keys.submit'], { party }) }).click();
      await expect.poll(enrolled).toBe(before + 1);
      await page.getByLabel(fill(t['exch.sign.file'], { party })).setInputFiles(signature);
      await page.getByRole('button', { name: fill(t['exch.sign.submit'], { party }) }).click();
      await expect(page.getByText(fill(t['exch.sign.added'], { party, key: '' }).split(' (')[0])).toBeVisible();
    }

    // The mediator moves the exchange to verification.
    const advance = async (state: 'verifying' | 'executing' | 'completed') => {
      await openExchange(med);
      await med.getByRole('button', { name: fill(t['exch.workflow.advance'], { state: t[`exch.state.${state}`] }) }).click();
      await expect.poll(() => stateOf(user('med'), X)).toBe(state);
    };
    await advance('verifying');

    // A verifier on a tablet interviews both: identity confirmed, consent, fit to travel.
    const ver = await signedIn(browser, lang, user('ver'), { width: 768, height: 1024 });
    for (const person of [first, second]) {
      await ver.goto(`${fixture().url}/#/persons/${person}/interview`);
      await ver.getByLabel(t['act.interview.destination']).selectOption('VEN');
      await ver.getByText(t['act.interview.identity.confirmed'], { exact: true }).click();
      await ver.getByRole('group', { name: t['act.interview.consent'] }).getByText(t['act.interview.consent.consents'], { exact: true }).click();
      await ver.getByRole('group', { name: t['act.interview.fit'] }).getByText(t['act.interview.fit.yes'], { exact: true }).click();
      await ver.getByRole('button', { name: t['act.interview.submit'] }).click();
      await expect(ver.getByRole('status').filter({ hasText: 'VEN' })).toBeVisible();
    }
    await advance('executing');

    // The verifier records both handovers.
    await ver.goto(`${fixture().url}/#/execution/${X}`);
    for (const person of [first, second]) await ver.getByLabel(fill(t['exec.selectLabel'], { person })).check();
    await ver.getByLabel(t['exec.handover.at']).fill(new Date().toISOString().slice(0, 16));
    await ver.getByLabel(t['exec.handover.place']).fill('Airport apron (synthetic)');
    await ver.getByLabel(t['exec.handover.witnesses']).fill('Delegate (synthetic)');
    await ver.getByRole('button', { name: fill(t['exec.handover.submit'], { count: '2' }) }).click();
    await expect(ver.getByText(fill(t['exec.handover.recorded'], { count: '2' }))).toBeVisible();
    await advance('completed');

    // Each party reports what it counted.
    for (const [page, party] of [[ven, 'VEN'], [slv, 'SLV']] as const) {
      await page.goto(`${fixture().url}/#/execution/${X}`);
      await expect(page.getByLabel(t['exec.report.party'])).toHaveValue(party);
      await page.getByLabel(t['exec.report.count']).fill('2');
      await page.getByRole('button', { name: t['exec.report.submit'], exact: true }).click();
      await expect(page.getByText(fill(t['exec.report.recorded'], { party, count: '2', direction: 'SLV>VEN' }))).toBeVisible();
    }

    // The mediator's overview shows the exchange's funnel; an observer (who reads executions, not
    // the list of exchanges) opens the count afterwards by its id: every difference named.
    await med.goto(`${fixture().url}/#/`);
    await expect(med.getByRole('heading', { name: fill(t['overview.underWay.exchange'], { exchange: X, name, state: '' }).split(' (')[0] })).toBeVisible();
    const obs = await signedIn(browser, lang, user('obs'));
    await obs.getByRole('link', { name: t['nav.execution'], exact: true }).click();
    await obs.getByLabel(t['exec.askExchange']).fill(X);
    await obs.getByRole('button', { name: t['exec.open'] }).click();
    await expect(obs.getByTestId('reconciliation-verdict')).toHaveText(t['exec.reconciliation.allNamed']);
    await expect(obs.getByRole('heading', { name: t['exec.report.heading'] })).toHaveCount(0);
    await expectAccessible(obs, `the count afterwards as an observer (${lang})`);
    await keepScreenshot(obs, testInfo, `story-${lang}-observer`);
    const reconciled = canjeJson<{ unexplained: number; directions: { handed_over: number; reported: { count: number }[] }[] }>(
      user('med'), ['exchange', 'reconcile', X]);
    expect(reconciled.unexplained).toBe(0);
    expect(reconciled.directions[0].handed_over).toBe(2);
    expect(reconciled.directions[0].reported.map((r) => r.count)).toEqual([2, 2]);
    for (const page of [med, slv, ven, ver, obs]) await page.context().close();
  });
}
