// The cecot-2025 story in the console alone, once in Spanish and once in English, each role in
// its own signed-in browser (tests/scenarios/cecot-2025/script.canje tells it with the command
// line): the mediator creates the exchange and puts El Salvador and the United States on one side,
// Venezuela on the other, one for one; El Salvador offers 252 for 252 in numbers and Venezuela
// rejects it with a reason; a verifier hears one detainee refuse to go to Venezuela; El Salvador's
// list by name with that person is refused as "not available (confidential)" — never why — and
// the list without them is tabled and accepted by all three; each party enrols its public key and
// uploads its signature of the manifest (key pair and signature made offline: the private key
// never reaches canje); the mediator moves the exchange on; the verifier, on a tablet, interviews
// the four; a court order reaches one of them on the day; the verifier records the others'
// handovers and the held one as not travelling; each party reports its count; an observer reads
// the count afterwards with every difference named. The store is read with the command line
// only to check.
import { expect, test, type Browser, type Page } from '@playwright/test';
import { generateKeyPairSync, sign } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { canjeJson, canjeText, dictionaries, expectAccessible, fixture, keepScreenshot, openInLanguage, recordAnswers, signIn, type Lang } from './fixture';

const fill = (text: string, values: Record<string, string>) =>
  Object.entries(values).reduce((out, [name, value]) => out.replaceAll(`{${name}}`, value), text);

async function signedIn(browser: Browser, lang: Lang, user: string, viewport?: { width: number; height: number }): Promise<Page> {
  const page = await (await browser.newContext(viewport ? { viewport } : {})).newPage();
  await openInLanguage(page, lang);
  await signIn(page, lang, fixture().users[user]);
  return page;
}

const stateOf = (user: string, id: string) => canjeJson<{ state: string }>(user, ['exchange', 'state', id]).state;
const today = () => new Date().toISOString().slice(0, 10);

for (const [lang, offset] of [['es', 230], ['en', 240]] as const) {
  test(`${lang}: the cecot-2025 story from an empty exchange to the count afterwards, each role in its own browser`, async ({ browser }, testInfo) => {
    test.setTimeout(240_000);
    const t = dictionaries[lang];
    const user = (role: string) => `st_${role}_${lang}`;
    const roster = canjeJson<{ id: string }[]>(user('med'), ['persons', '--list', 'L1', '--limit', '260']);
    const [first, second, refuser] = roster.slice(offset, offset + 3).map((p) => p.id);
    const nationals = canjeJson<{ id: string }[]>(user('med'), ['persons', '--list', 'L2', '--nationality', 'USA', '--limit', '10']);
    const [us1, us2] = lang === 'es' ? [nationals[6].id, nationals[7].id] : [nationals[8].id, nationals[9].id];
    const name = `cecot-${lang}-${Date.now()}`;
    const note = `fears persecution, story ${lang} ${Date.now()} (synthetic)`;

    // The mediator creates the exchange: SLV and USA on one side, VEN on the other, one for one.
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
    for (const [party, side] of [['SLV', 'SLV+USA'], ['USA', 'SLV+USA'], ['VEN', 'VEN']]) {
      await partyForm.getByLabel(t['exch.change.partyLabel']).selectOption(party);
      await partyForm.getByLabel(t['exch.change.bloc']).fill(side);
      await partyForm.getByRole('button', { name: t['exch.change.partySubmit'] }).click();
      await expect(med.getByRole('rowheader', { name: side, exact: true })).toBeVisible();
    }
    const ruleForm = med.getByRole('form', { name: t['exch.change.rule'] });
    for (const side of ['SLV+USA', 'VEN']) {
      await ruleForm.getByLabel(t['exch.change.bloc']).selectOption(side);
      await ruleForm.getByRole('button', { name: t['exch.change.ruleSubmit'] }).click();
      await expect.poll(() => canjeJson<{ blocs: { name: string; rule: { kind: string } }[] }>(user('med'), ['exchange', 'show', X])
        .blocs.find((b) => b.name === side)!.rule.kind).toBe('count');
    }

    // April: 252 for 252 in numbers; Venezuela rejects it, with its reason.
    const slv = await signedIn(browser, lang, user('slv'));
    const slvAnswers = recordAnswers(slv);
    await openExchange(slv);
    const draft = slv.getByRole('form', { name: t['exch.new'] });
    await draft.getByLabel('SLV → VEN', { exact: true }).fill('252');
    await draft.getByLabel('VEN → SLV', { exact: true }).fill('252');
    await draft.getByRole('button', { name: t['exch.new.submit'] }).click();
    await expect(slv).toHaveURL(/\?v=V\d+$/);
    const V1 = new URL(slv.url()).hash.split('?v=')[1];
    await slv.getByRole('button', { name: fill(t['exch.table.submit'], { version: V1 }) }).click();
    await expect.poll(() => canjeJson<{ state: string }>(user('med'), ['proposal', 'show', V1]).state).toBe('tabled');
    const ven = await signedIn(browser, lang, user('ven'));
    await openExchange(ven, V1);
    const card = (page: Page, version: string) => page.locator(`li.version[data-version="${version}"]`);
    await card(ven, V1).getByLabel(t['exch.answer.reason']).fill('cynical (synthetic)');
    await card(ven, V1).getByRole('button', { name: fill(t['exch.answer.reject'], { version: V1 }) }).click();
    await expect.poll(() => canjeJson<{ state: string }>(user('med'), ['proposal', 'show', V1]).state).toBe('rejected');

    // A verifier hears one detainee refuse to go to Venezuela, in private.
    const ver = await signedIn(browser, lang, user('ver'), { width: 768, height: 1024 });
    const interview = async (person: string, destination: string, consent: 'consents' | 'refuses', withNote = '') => {
      await ver.goto(`${fixture().url}/#/persons/${person}/interview`);
      await ver.getByLabel(t['act.interview.destination']).selectOption(destination);
      await ver.getByText(t['act.interview.identity.confirmed'], { exact: true }).click();
      await ver.getByRole('group', { name: t['act.interview.consent'] }).getByText(t[`act.interview.consent.${consent}`], { exact: true }).click();
      await ver.getByRole('group', { name: t['act.interview.fit'] }).getByText(t['act.interview.fit.yes'], { exact: true }).click();
      if (withNote) await ver.getByLabel(t['act.interview.note']).fill(withNote);
      await ver.getByRole('button', { name: t['act.interview.submit'] }).click();
      await expect(ver.getByRole('status').filter({ hasText: destination })).toBeVisible();
    };
    await interview(refuser, 'VEN', 'refuses', note);

    // July, by name: with the person who refused, El Salvador is told only that they are not
    // available; without them, the list is tabled and the three parties accept it.
    const transfers = (persons: [string, string, string][]) => `person,from,to\n${persons.map((p) => p.join(',')).join('\n')}\n`;
    await openExchange(slv);
    await draft.getByText(t['exch.new.kind.named']).click();
    await draft.getByLabel(t['exch.new.csv']).fill(transfers([[first, 'SLV', 'VEN'], [refuser, 'SLV', 'VEN'], [us1, 'VEN', 'USA'], [us2, 'VEN', 'USA']]));
    await draft.getByRole('button', { name: t['exch.new.submit'] }).click();
    await expect(draft.getByRole('alert')).toContainText('not available (confidential)');
    await draft.getByLabel(t['exch.new.csv']).fill(transfers([[first, 'SLV', 'VEN'], [second, 'SLV', 'VEN'], [us1, 'VEN', 'USA'], [us2, 'VEN', 'USA']]));
    await draft.getByRole('button', { name: t['exch.new.submit'] }).click();
    // The page was opened without a version: the draft made opens as ?v=….
    await expect(slv).toHaveURL(/\?v=V\d+$/);
    const V = new URL(slv.url()).hash.split('?v=')[1];
    await slv.getByRole('button', { name: fill(t['exch.table.submit'], { version: V }) }).click();
    await slv.getByRole('button', { name: fill(t['exch.answer.accept'], { version: V, party: 'SLV' }) }).click();
    const usa = await signedIn(browser, lang, user('usa'));
    for (const [page, party] of [[usa, 'USA'], [ven, 'VEN']] as const) {
      await openExchange(page, V);
      await page.getByRole('button', { name: fill(t['exch.answer.accept'], { version: V, party }) }).click();
      await expect.poll(() => canjeJson<{ responses: { party: string }[] }>(user('med'), ['proposal', 'show', V]).responses.some((r) => r.party === party)).toBe(true);
    }
    await expect.poll(() => stateOf(user('med'), X)).toBe('agreed');

    // Three signatures on the same bytes: each party enrols its public key and uploads its
    // signature, both made offline.
    const manifestFile = testInfo.outputPath('manifest.json');
    canjeText(['--as', user('ven'), 'proposal', 'manifest', V, '--out', manifestFile]);
    const manifest = readFileSync(manifestFile);
    for (const [page, party] of [[slv, 'SLV'], [usa, 'USA'], [ven, 'VEN']] as const) {
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

    const advance = async (state: 'verifying' | 'executing' | 'completed') => {
      await openExchange(med);
      await med.getByRole('button', { name: fill(t['exch.workflow.advance'], { state: t[`exch.state.${state}`] }) }).click();
      await expect.poll(() => stateOf(user('med'), X)).toBe(state);
    };
    await advance('verifying');
    // Before departure: identity, consent and fitness of the four.
    for (const [person, destination] of [[first, 'VEN'], [second, 'VEN'], [us1, 'USA'], [us2, 'USA']]) await interview(person, destination, 'consents');
    await advance('executing');

    // The day of the flights: a court order reaches one of them.
    await med.goto(`${fixture().url}/#/persons/${second}`);
    await med.getByText(t['act.hold.add'], { exact: true }).click();
    const holdForm = med.getByRole('form', { name: t['act.hold.add'] });
    await holdForm.getByLabel(t['act.hold.issuer']).fill('District Court (synthetic)');
    await holdForm.getByLabel(t['act.hold.reference']).fill(`25-HC-${lang}`);
    await holdForm.getByLabel(t['act.hold.from']).fill(today());
    await holdForm.getByRole('button', { name: t['act.hold.submit'] }).click();
    await expect(med.getByRole('status')).toContainText(fill(t['act.hold.done'], { hold: '' }).split(' ')[0]);

    // The verifier: the held one does not travel; the other three are handed over, all at once.
    await ver.goto(`${fixture().url}/#/execution/${X}`);
    await expect(ver.getByLabel(fill(t['exec.selectLabel'], { person: second }))).toHaveCount(0);
    await ver.getByLabel(t['exec.notTravelling.person'], { exact: true }).selectOption(second);
    await ver.getByLabel(t['exec.notTravelling.reason'], { exact: true }).selectOption('other');
    await ver.getByLabel(t['exec.notTravelling.note']).fill(`court order 25-HC-${lang} (synthetic)`);
    await ver.getByRole('button', { name: t['exec.notTravelling.submit'], exact: true }).click();
    await expect(ver.getByText(fill(t['exec.notTravelling.recorded'], { person: second }))).toBeVisible();
    for (const person of [first, us1, us2]) await ver.getByLabel(fill(t['exec.selectLabel'], { person })).check();
    await ver.getByLabel(t['exec.handover.at']).fill(new Date().toISOString().slice(0, 16));
    await ver.getByLabel(t['exec.handover.place']).fill('Comalapa airport (synthetic)');
    await ver.getByLabel(t['exec.handover.witnesses']).fill('ICRC delegate (synthetic)\nPUENTE officer (synthetic)');
    await ver.getByRole('button', { name: fill(t['exec.handover.submit'], { count: '3' }) }).click();
    await expect(ver.getByText(fill(t['exec.handover.recorded'], { count: '3' }))).toBeVisible();
    await advance('completed');

    // The count afterwards: each party's own numbers.
    for (const [page, party, direction, count] of [[ven, 'VEN', 'SLV>VEN', '1'], [slv, 'SLV', 'SLV>VEN', '1'], [usa, 'USA', 'VEN>USA', '2']] as const) {
      await page.goto(`${fixture().url}/#/execution/${X}`);
      await expect(page.getByLabel(t['exec.report.party'])).toHaveValue(party);
      await page.getByLabel(t['exec.report.direction']).selectOption(direction);
      await page.getByLabel(t['exec.report.count']).fill(count);
      await page.getByRole('button', { name: t['exec.report.submit'], exact: true }).click();
      await expect(page.getByText(fill(t['exec.report.recorded'], { party, count, direction }))).toBeVisible();
    }

    // The mediator's overview shows the funnel; an observer (who reads executions, not the list
    // of exchanges) opens the count afterwards by the exchange's id: every difference named.
    await med.goto(`${fixture().url}/#/`);
    await expect(med.getByRole('heading', { name: fill(t['overview.underWay.exchange'], { exchange: X, name, state: '' }).split(' (')[0] })).toBeVisible();
    const obs = await signedIn(browser, lang, user('obs'));
    await obs.getByRole('link', { name: t['nav.execution'], exact: true }).click();
    await obs.getByLabel(t['exec.askExchange']).fill(X);
    await obs.getByRole('button', { name: t['exec.open'] }).click();
    await expect(obs.getByTestId('reconciliation-verdict')).toHaveText(t['exec.reconciliation.allNamed']);
    await expect(obs.getByTestId('differences-SLV-VEN')).toContainText(t['exec.reason.other']);
    await expect(obs.getByRole('heading', { name: t['exec.report.heading'] })).toHaveCount(0);
    await expectAccessible(obs, `the count afterwards as an observer (${lang})`);
    await keepScreenshot(obs, testInfo, `story-${lang}-observer`);

    const reconciled = canjeJson<{ unexplained: number; directions: { from: string; to: string; handed_over: number; not_travelling: Record<string, number>; reported: { count: number }[] }[] }>(
      user('med'), ['exchange', 'reconcile', X]);
    expect(reconciled.unexplained).toBe(0);
    expect(reconciled.directions.map((d) => [`${d.from}>${d.to}`, d.handed_over, d.not_travelling, d.reported.map((r) => r.count)])).toEqual([
      ['SLV>VEN', 1, { other: 1 }, [1, 1]],
      ['VEN>USA', 2, {}, [2]],
    ]);
    // El Salvador's browser never received why the refuser was not available.
    expect(slvAnswers.join('\n')).not.toContain(note);
    expect(slvAnswers.join('\n')).not.toMatch(/refus/i);
    for (const page of [med, slv, ven, usa, ver, obs]) await page.context().close();
  });
}
