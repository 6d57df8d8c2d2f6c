// Stages, guarantors and observers, a prisoner of war and why a pair is in review, in chromium
// against a real `canje serve`, over what tests/stages-setup.ts prepared:
// - the mediator plans two stages of an agreed exchange, fills, postpones, starts and completes
//   them from the execution page, each refusal of the API said in Spanish with nothing written
//   (checked with the command line); then an observer organisation's user, on a tablet, reads the
//   stages and the execution without any personal reason reaching the browser;
// - a mediator declares a guarantor and attaches and detaches an observer while the exchange is
//   negotiating; once agreed, the signatures say who still has to sign, the guarantor included;
//   a person's fields of international humanitarian law, and the review queue's reason for a
//   pair, in both languages.
// axe on each new view in both languages; screenshots.
import { expect, test, type Page } from '@playwright/test';
import {
  canjeJson, dictionaries, expectAccessible, fixture, keepScreenshot, openInLanguage, recordAnswers, signIn, type Lang,
} from './fixture';

interface StageJson { stage: number; state: string; date: string; postponements: number; handed_over: number; persons: { person: string }[] }
interface ExchangeJson { guarantors: string[]; observers: string[] }
interface ReviewJson { queued_because: string; linked: boolean }

const fill = (text: string, values: Record<string, string | number>) =>
  Object.entries(values).reduce((s, [k, v]) => s.replaceAll(`{${k}}`, String(v)), text);

const stagesOf = (exchange: string) => canjeJson<StageJson[]>('stg_med_es', ['exchange', 'stage', 'list', exchange]);

// The person's check box in a group of persons (its label starts with the person's id).
const personBox = (page: Page, group: string, person: string) =>
  page.getByRole('group', { name: group }).getByRole('checkbox', { name: new RegExp(`^${person} `) });

async function switchLanguage(page: Page, from: Lang, to: Lang) {
  await page.getByLabel(dictionaries[from]['lang.label']).selectOption(to);
  await expect(page.locator('html')).toHaveAttribute('lang', to);
}

test('es: the mediator plans, fills, postpones, starts and completes stages; an observer on a tablet reads them without any personal reason (en)', async ({ page, browser }, testInfo) => {
  const t = dictionaries.es;
  const { url, users } = fixture();
  const { exchange, persons, refuser, notes } = fixture().stages;
  const [a, b, c, d, e] = persons;
  const mediatorAnswers = recordAnswers(page);
  await openInLanguage(page, 'es');
  await signIn(page, 'es', users.stg_med_es);
  await page.goto(`${url}/#/execution/${exchange}`);
  await expect(page.getByRole('heading', { name: t['stg.heading'] })).toBeVisible();
  await expect(page.getByText(t['stg.none'])).toBeVisible();
  await expectAccessible(page, 'the execution page without stages (es)');

  // A first stage: without its day and place nothing is sent; then three persons.
  await page.getByText(t['stg.add.open']).click();
  const add = page.getByRole('form', { name: t['stg.add.heading'] });
  await add.getByLabel(t['stg.add.name']).fill('Día 1 (sintético)');
  await add.getByRole('button', { name: t['stg.add.submit'] }).click();
  await expect(add.getByText(t['stg.add.missing'])).toBeVisible();
  await expect(add.getByLabel(t['stg.add.name'])).toHaveValue('Día 1 (sintético)');
  expect(stagesOf(exchange)).toEqual([]);
  await add.getByLabel(t['stg.add.date']).fill('2025-07-20');
  await add.getByLabel(t['stg.add.place']).fill('Pista 3 (sintética)');
  for (const person of [a, b, c]) await personBox(page, t['stg.add.persons'], person).check();
  await expectAccessible(page, 'the form of a new stage (es)');
  await add.getByRole('button', { name: t['stg.add.submit'] }).click();
  await expect(page).toHaveURL(new RegExp(`#/execution/${exchange}\\?stage=1$`));
  await expect(page.getByTestId('stage-status')).toHaveText(fill(t['stg.add.done'], { n: 1, name: 'Día 1 (sintético)' }));
  await expect(page.getByRole('heading', { name: fill(t['stg.title'], { n: 1, name: 'Día 1 (sintético)' }), level: 2 })).toBeVisible();
  await expect(page.getByTestId('stage-state')).toHaveText(t['stg.state.planned']);
  await expect(page.getByTestId('readiness-summary')).toContainText('3');
  let stored = stagesOf(exchange);
  expect(stored.map((s) => [s.stage, s.state, s.persons.map((p) => p.person)])).toEqual([[1, 'planned', [a, b, c]]]);

  // A second stage with one person, then another added to it; the persons of stage 1 are no
  // longer offered.
  await page.getByText(t['stg.add.open']).click();
  await expect(personBox(page, t['stg.add.persons'], a)).toHaveCount(0);
  await add.getByLabel(t['stg.add.name']).fill('Día 2 (sintético)');
  await add.getByLabel(t['stg.add.date']).fill('2025-07-21');
  await add.getByLabel(t['stg.add.place']).fill('Pista 4 (sintética)');
  await personBox(page, t['stg.add.persons'], d).check();
  await add.getByRole('button', { name: t['stg.add.submit'] }).click();
  await expect(page).toHaveURL(new RegExp(`\\?stage=2$`));
  await expect(page.getByRole('heading', { name: fill(t['stg.assign.heading'], { n: 2 }) })).toBeVisible();
  await personBox(page, t['stg.assign.persons'], e).check();
  await page.getByRole('button', { name: fill(t['stg.assign.submit'], { n: 2 }) }).click();
  await expect(page.getByTestId('stage-status')).toHaveText(fill(t['stg.assign.done'], { n: 2, count: 1 }));
  expect(stagesOf(exchange).find((s) => s.stage === 2)!.persons.map((p) => p.person)).toEqual([d, e]);
  // Only those not in a stage are left to assign: the refuser, recorded as not travelling.
  await expect(page.getByRole('group', { name: t['stg.assign.persons'] }).getByRole('checkbox')).toHaveCount(1);
  await expect(personBox(page, t['stg.assign.persons'], refuser)).toBeVisible();

  // Postponed to an earlier day: refused in Spanish, the server's reason under it, the form as
  // typed, nothing written. Then to a later day.
  const postpone = page.getByRole('form', { name: fill(t['stg.postpone.heading'], { n: 2 }) });
  await postpone.getByLabel(t['stg.postpone.date']).fill('2025-07-19');
  await postpone.getByLabel(t['stg.postpone.reason']).fill('pista cerrada (sintético)');
  await postpone.getByRole('button', { name: fill(t['stg.postpone.submit'], { n: 2 }) }).click();
  const refusal = postpone.getByTestId('stage-refusal');
  await expect(refusal).toContainText(t['stg.refused.postpone']);
  await expect(refusal).toContainText(t['stg.refused.nothingWritten']);
  await expect(refusal).toContainText('2025-07-21');
  await expect(postpone.getByLabel(t['stg.postpone.date'])).toHaveValue('2025-07-19');
  await expect(postpone.getByLabel(t['stg.postpone.reason'])).toHaveValue('pista cerrada (sintético)');
  stored = stagesOf(exchange);
  expect(stored[1]).toMatchObject({ date: '2025-07-21', postponements: 0 });
  await expectAccessible(page, 'a stage\'s moves with a refusal (es)');
  await postpone.getByLabel(t['stg.postpone.date']).fill('2025-07-24');
  await postpone.getByRole('button', { name: fill(t['stg.postpone.submit'], { n: 2 }) }).click();
  await expect(page.getByTestId('stage-status')).toHaveText(fill(t['stg.postpone.done'], { n: 2 }));
  await expect(page.getByTestId('stage-state')).toHaveText(fill(t['stg.state.postponedTimes'], { state: t['stg.state.planned'], count: 1 }));
  expect(stagesOf(exchange)[1]).toMatchObject({ date: '2025-07-24', postponements: 1, state: 'planned' });

  // Stage 1 cannot start while the exchange is verifying: said, nothing written.
  await page.getByTestId('stages').getByRole('link', { name: fill(t['stg.title'], { n: 1, name: 'Día 1 (sintético)' }) }).click();
  await expect(page).toHaveURL(new RegExp(`\\?stage=1$`));
  await page.getByRole('button', { name: fill(t['stg.start.submit'], { n: 1 }) }).click();
  await expect(page.getByTestId('stage-refusal')).toContainText(t['stg.refused.start']);
  await expect(page.getByTestId('stage-refusal')).toContainText('verifying');
  expect(stagesOf(exchange)[0].state).toBe('planned');
  await keepScreenshot(page, testInfo, 'stages-1-start-refused-es');

  // Executing (the mediator's move, here with the command line), it starts.
  canjeJson('stg_med_es', ['exchange', 'advance', exchange, '--to', 'executing']);
  await page.reload();
  await page.getByRole('button', { name: fill(t['stg.start.submit'], { n: 1 }) }).click();
  await expect(page.getByTestId('stage-status')).toHaveText(fill(t['stg.start.done'], { n: 1 }));
  await expect(page.getByTestId('stage-state')).toHaveText(t['stg.state.started']);
  expect(stagesOf(exchange)[0].state).toBe('started');

  // Completing it before its persons are handed over is refused, naming them.
  await page.getByRole('button', { name: fill(t['stg.complete.submit'], { n: 1 }) }).click();
  await expect(page.getByTestId('stage-refusal')).toContainText(t['stg.refused.complete']);
  await expect(page.getByTestId('stage-refusal')).toContainText(a);
  expect(stagesOf(exchange)[0].state).toBe('started');

  // The three handed over from the stage's own readiness, then the stage completes.
  for (const person of [a, b, c]) await page.getByLabel(fill(t['exec.selectLabel'], { person })).check();
  const handover = page.getByRole('region', { name: t['exec.handover.heading'] });
  await handover.getByLabel(t['exec.handover.at']).fill('2025-07-20T10:30');
  await handover.getByLabel(t['exec.handover.place']).fill('Pista 3 (sintética)');
  await handover.getByLabel(t['exec.handover.witnesses']).fill('Delegada del CICR (sintética)');
  await handover.getByRole('button', { name: fill(t['exec.handover.submit'], { count: 3 }) }).click();
  await expect(page.getByText(fill(t['exec.handover.recorded'], { count: 3 }))).toBeVisible();
  await page.getByRole('button', { name: fill(t['stg.complete.submit'], { n: 1 }) }).click();
  await expect(page.getByTestId('stage-status')).toHaveText(fill(t['stg.complete.done'], { n: 1 }));
  await expect(page.getByTestId('stage-state')).toHaveText(t['stg.state.completed']);
  await expect(page.getByRole('heading', { name: fill(t['stg.controls'], { n: 1 }) })).toHaveCount(0);
  expect(stagesOf(exchange)[0]).toMatchObject({ state: 'completed', handed_over: 3 });
  await expect(page.getByRole('region', { name: t['exec.handovers'] }).locator('tbody tr')).toHaveCount(3);
  await expectAccessible(page, 'a completed stage (es)');
  await keepScreenshot(page, testInfo, 'stages-2-completed-es');

  // The same views in English: the stage list, a planned stage and its moves.
  await switchLanguage(page, 'es', 'en');
  const en = dictionaries.en;
  await page.getByTestId('stages').getByRole('link', { name: fill(en['stg.title'], { n: 2, name: 'Día 2 (sintético)' }) }).click();
  await expect(page.getByTestId('stage-state')).toHaveText(fill(en['stg.state.postponedTimes'], { state: en['stg.state.planned'], count: 1 }));
  await expect(page.getByRole('heading', { name: fill(en['stg.controls'], { n: 2 }) })).toBeVisible();
  await page.getByText(en['stg.add.open']).click();
  await expectAccessible(page, 'a planned stage with its moves and the form of a new stage (en)');

  // An observer organisation's user, on a tablet: the stages and the execution, read only, and no
  // personal reason — the refuser's reads "not available (confidential)".
  const tablet = await browser.newContext({ viewport: { width: 768, height: 1024 } });
  const obs = await tablet.newPage();
  const answers = recordAnswers(obs);
  await openInLanguage(obs, 'en');
  await signIn(obs, 'en', users.stg_obs_en);
  await obs.goto(`${url}/#/execution/${exchange}`);
  const list = obs.getByTestId('stages');
  await expect(list.locator('tbody tr')).toHaveCount(2);
  await expect(list.locator('tbody tr').first()).toContainText(en['stg.state.completed']);
  await expect(list.locator('tbody tr').nth(1)).toContainText(fill(en['stg.state.postponedTimes'], { state: en['stg.state.planned'], count: 1 }));
  const refuserRow = obs.getByTestId('readiness').locator('tbody tr', { has: obs.getByRole('rowheader', { name: refuser, exact: true }) });
  await expect(refuserRow).toContainText(en['exec.reason.confidential']);
  await expect(obs.getByText(en['stg.add.open'])).toHaveCount(0);
  await expect(obs.getByRole('heading', { name: en['exec.handover.heading'] })).toHaveCount(0);
  await expectAccessible(obs, 'the execution in stages for an observer, on a tablet (en)');
  await list.getByRole('link', { name: fill(en['stg.title'], { n: 2, name: 'Día 2 (sintético)' }) }).click();
  await expect(obs.getByTestId('stage-details')).toBeVisible();
  await expect(obs.getByTestId('readiness').locator('tbody tr')).toHaveCount(2);
  await expect(obs.getByText(en['exec.handovers.none'])).toBeVisible();  // stage 1's handovers are not stage 2's
  await expect(obs.getByRole('heading', { name: fill(en['stg.controls'], { n: 2 }) })).toHaveCount(0);
  await keepScreenshot(obs, testInfo, 'stages-3-observer-tablet-en');
  await switchLanguage(obs, 'en', 'es');
  await expect(obs.getByTestId('stage-details')).toContainText(t['stg.state.planned']);
  await expectAccessible(obs, 'a stage for an observer, on a tablet (es)');
  const everything = answers.join('\n');
  expect(everything).toContain(refuser);
  for (const note of notes) expect(everything).not.toContain(note);
  expect(everything).not.toMatch(/refused-consent|refuses/);
  // The mediator's own answers hold the gate's note and the reason's code: the check above can fail.
  expect(mediatorAnswers.join('\n')).toContain(notes[1]);
  expect(mediatorAnswers.join('\n')).toContain('refused-consent');
  await tablet.close();
});

test('en: a mediator declares a guarantor and an observer; the signatures name who still has to sign; a prisoner of war and why a pair is in review, in both languages', async ({ page }, testInfo) => {
  const t = dictionaries.en;
  const es = dictionaries.es;
  const { url, users } = fixture();
  const { negotiating, pow, persons } = fixture().stages;
  const x = negotiating.exchange;
  const show = () => canjeJson<ExchangeJson>('stg_sup_en', ['exchange', 'show', x]);
  await openInLanguage(page, 'en');
  await signIn(page, 'en', users.stg_sup_en);
  await page.goto(`${url}/#/exchanges/${x}`);
  const section = page.getByRole('region', { name: t['sup.heading'] });
  await expect(section).toBeVisible();
  await expect(page.getByTestId('sup-guarantors')).toHaveCount(0);
  await expectAccessible(page, 'an exchange\'s guarantors and observers while negotiating (en)');

  // A guarantor and an observer organisation; the observer detached again.
  const guarantorForm = page.getByRole('form', { name: t['sup.guarantor.add'] });
  await expect(guarantorForm.getByRole('option', { name: /^SLV / })).toHaveCount(0);  // a party in a side is not offered
  await guarantorForm.getByLabel(t['sup.party']).selectOption('USA');
  await guarantorForm.getByRole('button', { name: t['sup.guarantor.submit'] }).click();
  await expect(page.getByTestId('sup-status')).toHaveText(fill(t['sup.guarantor.added'], { party: 'USA' }));
  await expect(page.getByTestId('sup-guarantors')).toContainText('USA');
  const observerForm = page.getByRole('form', { name: t['sup.observer.add'] });
  await observerForm.getByLabel(t['sup.party']).selectOption('CANDELA');
  await observerForm.getByRole('button', { name: t['sup.observer.submit'] }).click();
  await expect(page.getByTestId('sup-observers')).toContainText('CANDELA');
  expect(show()).toMatchObject({ guarantors: ['USA'], observers: ['CANDELA'] });
  await page.getByRole('button', { name: fill(t['sup.observer.remove'], { party: 'CANDELA' }) }).click();
  await expect(page.getByTestId('sup-status')).toHaveText(fill(t['sup.observer.removed'], { party: 'CANDELA' }));
  expect(show()).toMatchObject({ guarantors: ['USA'], observers: [] });

  // Someone else withdrew the guarantor meanwhile: withdrawing it again is refused, said so.
  canjeJson('stg_sup_en', ['exchange', 'guarantor', 'remove', x, 'USA']);
  await page.getByRole('button', { name: fill(t['sup.guarantor.remove'], { party: 'USA' }) }).click();
  await expect(page.getByTestId('supporter-refusal')).toContainText(t['sup.refused']);
  await expect(page.getByTestId('supporter-refusal')).toContainText('USA');
  await page.reload();
  await expect(page.getByTestId('sup-guarantors')).toHaveCount(0);
  await guarantorForm.getByLabel(t['sup.party']).selectOption('USA');
  await guarantorForm.getByRole('button', { name: t['sup.guarantor.submit'] }).click();
  await expect(page.getByTestId('sup-guarantors')).toContainText('USA');
  expect(show().guarantors).toEqual(['USA']);

  // Argentina accepts: the version is agreed, and every party and the guarantor must sign it.
  canjeJson('stg_setup_arg', ['proposal', 'accept', negotiating.version, '--party', 'ARG']);
  await page.goto(`${url}/#/exchanges/${x}?v=${negotiating.version}`);
  await page.reload();
  const signatures = page.getByTestId(`signatures-${negotiating.version}`);
  const stillToSign = signatures.getByTestId('still-to-sign');
  await expect(stillToSign).toContainText(fill(t['sup.sign.asGuarantor'], { party: 'USA' }));
  await expect(stillToSign).toContainText('SLV');
  await expect(stillToSign).toContainText('ARG');
  await expect(signatures.locator('tbody tr', { has: page.getByRole('rowheader', { name: 'USA', exact: true }) })).toContainText(t['sup.sign.guarantor']);
  await expect(section.getByText(t['sup.guarantor.onlyNegotiating'])).toBeVisible();
  await expect(guarantorForm).toHaveCount(0);
  await expectAccessible(page, 'an agreed exchange\'s guarantor and signatures (en)');
  await keepScreenshot(page, testInfo, 'stages-4-guarantor-signatures-en');
  await switchLanguage(page, 'en', 'es');
  await expect(stillToSign).toContainText(fill(es['sup.sign.asGuarantor'], { party: 'USA' }));
  await expect(page.getByRole('region', { name: es['sup.heading'] })).toBeVisible();
  await expectAccessible(page, 'an agreed exchange\'s guarantor and signatures (es)');

  // A prisoner of war: the fields of international humanitarian law, the day of capture as each
  // language writes it; a person without them shows none.
  await page.goto(`${url}/#/persons/${pow}`);
  const ihl = page.getByTestId('ihl');
  await expect(ihl).toContainText('prisionero de guerra');
  await expect(ihl).toContainText('Andrés');
  await expect(ihl).toContainText('sargento');
  await expect(ihl).toContainText('SV 0-424242');
  await expect(ihl).toContainText(new Intl.DateTimeFormat('es', { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date('2024-11-02T00:00:00Z')));
  await expect(ihl).toContainText('Paso Sintético');
  await expectAccessible(page, 'a prisoner of war\'s page (es)');
  await switchLanguage(page, 'es', 'en');
  await expect(ihl).toContainText('prisoner of war');
  await expect(ihl).toContainText(new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date('2024-11-02T00:00:00Z')));
  await expectAccessible(page, 'a prisoner of war\'s page (en)');
  await keepScreenshot(page, testInfo, 'stages-5-prisoner-of-war-en');
  await page.goto(`${url}/#/persons/${persons[0]}`);
  await expect(page.getByRole('heading', { name: t['person.details'] })).toBeVisible();
  await expect(page.getByTestId('ihl')).toHaveCount(0);

  // The first pair of the review queue says why it is there, as the command line says it.
  const [first] = canjeJson<ReviewJson[]>('stg_sup_en', ['review', 'list', '--limit', '1']);
  const key = (first.queued_because === 'review_band' ? `rq.review_band.${first.linked ? 'linked' : 'apart'}` : `rq.${first.queued_because}`) as keyof typeof t;
  await page.goto(`${url}/#/review`);
  await expect(page.getByTestId('queued-because')).toHaveText(`${t['rq.why']} ${t[key]}`);
  await expectAccessible(page, 'a pair of the review queue with its reason (en)');
  await switchLanguage(page, 'en', 'es');
  await expect(page.getByTestId('queued-because')).toHaveText(`${es['rq.why']} ${es[key]}`);
  await expectAccessible(page, 'a pair of the review queue with its reason (es)');
});
