// The person page's forms and the consent interview: a mediator adds a legal hold and lifts it
// and records a legal act; a verifier records a refusal on a tablet; a negotiator of the
// destination then reads the person and never receives the note or the refusal. Each change is
// checked with the command line, and each refusal by the API leaves what was typed in place.
import { expect, test, type Page } from '@playwright/test';
import { canjeJson, dictionaries, expectAccessible, fixture, keepScreenshot, openInLanguage, recordAnswers, signIn } from './fixture';

interface HoldJson { id: string; reference: string | null; state: string; lift_reason: string | null; covered: string[]; from: string; until: string | null }
interface ActJson { id: string; person: string; type: string; date: string; authority: string; status_after: string }
interface InterviewJson { id: string; person: string; destination: string; consent: string; identity: string; note: string | null; current: boolean }
interface PersonJson { id: string; name: string }

const en = dictionaries.en;
const es = dictionaries.es;

// Persons a negotiator of VEN may see, other than the one the suite's set-up interviewed.
// Persons VEN's negotiators may see, without the ones other set-ups interviewed already (the
// refusal of global-setup.ts, the exchange in execution of execution-setup.ts).
function venPersons(): PersonJson[] {
  const { refused, execution } = fixture();
  const taken = new Set([refused.id, ...execution.ready, execution.unfit, execution.held]);
  return canjeJson<PersonJson[]>('act_neg', ['persons', '--limit', '20']).filter((p) => !taken.has(p.id));
}

async function openPerson(page: Page, id: string) {
  await page.goto(`${fixture().url}/#/persons/${id}`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(id);
}

test('a mediator adds a hold and lifts it, and records a legal act; a refused form keeps its input', async ({ page }, testInfo) => {
  const { users } = fixture();
  const person = venPersons()[0];
  await openInLanguage(page, 'en');
  await signIn(page, 'en', users.act_med);
  await openPerson(page, person.id);

  // The hold, first with its last day before its first: refused, every field as typed.
  await page.getByText(en['act.hold.add'], { exact: true }).click();
  const holdForm = page.getByRole('form', { name: en['act.hold.add'] });
  await holdForm.getByLabel(en['act.hold.issuer']).fill('Juzgado Sintético de Prueba 7');
  await holdForm.getByLabel(en['act.hold.reference']).fill('JSP7-2026-0042');
  await holdForm.getByLabel(en['act.hold.from']).fill('2026-03-10');
  await holdForm.getByLabel(en['act.hold.until']).fill('2026-03-01');
  await holdForm.getByRole('button', { name: en['act.hold.submit'] }).click();
  await expect(holdForm.getByRole('alert')).toBeVisible();
  await expect(holdForm.getByRole('alert')).toContainText(en['problem.usage']);
  await expect(holdForm.getByLabel(en['act.hold.issuer'])).toHaveValue('Juzgado Sintético de Prueba 7');
  await expect(holdForm.getByLabel(en['act.hold.reference'])).toHaveValue('JSP7-2026-0042');
  await expect(holdForm.getByLabel(en['act.hold.from'])).toHaveValue('2026-03-10');
  await expect(holdForm.getByLabel(en['act.hold.until'])).toHaveValue('2026-03-01');
  expect(canjeJson<HoldJson[]>('act_med', ['hold', 'list']).filter((h) => h.reference === 'JSP7-2026-0042')).toEqual([]);
  await expectAccessible(page, 'the person page with a refused hold form (en)');
  await keepScreenshot(page, testInfo, 'person-1-hold-refused-en');

  // Corrected: the hold is added, covers the person, and the page lists it.
  await holdForm.getByLabel(en['act.hold.until']).fill('2026-12-31');
  await holdForm.getByRole('button', { name: en['act.hold.submit'] }).click();
  const added = canjeJsonEventually(() => canjeJson<HoldJson[]>('act_med', ['hold', 'list']).find((h) => h.reference === 'JSP7-2026-0042'));
  const hold = await added;
  await expect(page.getByRole('status')).toHaveText(en['act.hold.done'].replace('{hold}', hold.id));
  const shown = canjeJson<HoldJson>('act_med', ['hold', 'show', hold.id]);
  expect(shown).toMatchObject({ from: '2026-03-10', until: '2026-12-31', state: 'in force' });
  expect(shown.covered).toContain(person.id);
  await expect(page.getByRole('region', { name: en['person.holds'] })).toBeVisible();
  const holdRows = page.locator('section[aria-labelledby="holds-heading"] tbody tr');
  await expect(holdRows.filter({ hasText: hold.id })).toContainText('JSP7-2026-0042');

  // Lifting it: without a reason the API refuses and the day typed stays; with one, lifted.
  await page.getByRole('button', { name: en['act.lift.open'].replace('{hold}', hold.id) }).click();
  const liftForm = page.getByRole('form', { name: en['act.lift.title'].replace('{hold}', hold.id) });
  await expect(liftForm.getByLabel(en['act.lift.reason'])).toBeFocused();
  await liftForm.getByLabel(en['act.lift.day']).fill('2026-11-30');
  await liftForm.getByRole('button', { name: en['act.lift.submit'].replace('{hold}', hold.id) }).click();
  await expect(liftForm.getByRole('alert')).toBeVisible();
  await expect(liftForm.getByLabel(en['act.lift.day'])).toHaveValue('2026-11-30');
  expect(canjeJson<HoldJson>('act_med', ['hold', 'show', hold.id]).state).toBe('in force');
  await liftForm.getByLabel(en['act.lift.reason']).fill('order quashed on appeal (synthetic)');
  await liftForm.getByRole('button', { name: en['act.lift.submit'].replace('{hold}', hold.id) }).click();
  await expect(page.getByRole('status')).toHaveText(en['act.lift.done'].replace('{hold}', hold.id));
  const lifted = canjeJson<HoldJson>('act_med', ['hold', 'show', hold.id]);
  expect(lifted).toMatchObject({ state: 'lifted', lift_reason: 'order quashed on appeal (synthetic)' });
  await expect(holdRows.filter({ hasText: hold.id })).toContainText(en['act.hold.state.lifted']);

  // A legal act: refused without its type (the typed fields stay), then recorded.
  await page.getByText(en['act.legal.add'], { exact: true }).click();
  const actForm = page.getByRole('form', { name: en['act.legal.add'] });
  await actForm.getByLabel(en['act.legal.date']).fill('2026-05-01');
  await actForm.getByLabel(en['act.legal.authority']).fill('Presidencia Sintética');
  await actForm.getByLabel(en['act.legal.reference']).fill('D-114-2026');
  await actForm.getByLabel(en['act.legal.statusAfter']).fill('free');
  await actForm.getByRole('button', { name: en['act.legal.submit'] }).click();
  await expect(actForm.getByRole('alert')).toBeVisible();
  await expect(actForm.getByLabel(en['act.legal.authority'])).toHaveValue('Presidencia Sintética');
  await expect(actForm.getByLabel(en['act.legal.statusAfter'])).toHaveValue('free');
  expect(canjeJson<ActJson[]>('act_med', ['act', 'list', person.id])).toEqual([]);
  await actForm.getByLabel(en['act.legal.type']).selectOption('pardon');
  await actForm.getByRole('button', { name: en['act.legal.submit'] }).click();
  const acts = await canjeJsonEventually(() => {
    const list = canjeJson<ActJson[]>('act_med', ['act', 'list', person.id]);
    return list.length > 0 ? list : undefined;
  });
  expect(acts).toEqual([expect.objectContaining({ type: 'pardon', date: '2026-05-01', authority: 'Presidencia Sintética', status_after: 'free' })]);
  await expect(page.getByRole('status')).toHaveText(en['act.legal.done'].replace('{act}', acts[0].id));
  await expect(page.getByRole('region', { name: en['person.acts'] }).locator('tbody tr')).toContainText(en['act.legal.type.pardon']);
  await expectAccessible(page, 'the person page with its forms (en)');

  // The forms in Spanish.
  await page.getByLabel(en['lang.label']).selectOption('es');
  await expect(page.getByRole('form', { name: es['act.legal.add'] })).toBeVisible();
  await expect(page.getByRole('status')).toHaveText(es['act.legal.done'].replace('{act}', acts[0].id));
  await expect(page.getByRole('button', { name: es['act.lift.open'].replace('{hold}', hold.id) })).toHaveCount(0);
  await expect(holdRows.filter({ hasText: hold.id })).toContainText(es['act.hold.state.lifted']);
  await expectAccessible(page, 'the person page with its forms (es)');
  await keepScreenshot(page, testInfo, 'person-2-forms-es');
});

// Polls the command line until the change the page sent is in the store.
async function canjeJsonEventually<T>(read: () => T | undefined): Promise<T> {
  let found: T | undefined;
  await expect.poll(() => {
    found = read();
    return found !== undefined;
  }).toBe(true);
  return found!;
}

test.describe(() => {
  test.use({ viewport: { width: 768, height: 1024 } });

  test('a verifier records a refusal on a tablet; a negotiator of the destination never receives it', async ({ page, browser }, testInfo) => {
    const { users } = fixture();
    const person = venPersons()[1];
    const note = `would rather stay near family, synthetic note ${Date.now()}`;

    // The verifier, in Spanish, from the person page to the interview form.
    await openInLanguage(page, 'es');
    await signIn(page, 'es', users.act_ver);
    await openPerson(page, person.id);
    await expect(page.getByText(es['act.hold.add'])).toHaveCount(0);
    await expect(page.getByText(es['act.legal.add'])).toHaveCount(0);
    await page.getByRole('link', { name: es['act.interview.open'] }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(es['act.interview.title']);
    await expect(page).toHaveURL(new RegExp(`#/persons/${person.id}/interview$`));

    // One column of large targets; the refusal's rules next to the consent choice.
    const consent = page.getByRole('group', { name: es['act.interview.consent'] });
    const rules = page.getByTestId('consent-rules');
    await expect(rules).toContainText(es['act.interview.rule.final']);
    await expect(rules).toContainText(es['act.interview.rule.confidential']);
    const consentBox = (await consent.boundingBox())!;
    const rulesBox = (await rules.boundingBox())!;
    expect(Math.abs(rulesBox.y - (consentBox.y + consentBox.height))).toBeLessThan(40);
    for (const label of [es['act.interview.consent.refuses'], es['act.interview.identity.confirmed'], es['act.interview.fit.yes']]) {
      const box = (await page.locator('label.choice', { hasText: label }).first().boundingBox())!;
      expect(box.height, `the choice "${label}"`).toBeGreaterThanOrEqual(44);
      expect(box.width, `the choice "${label}"`).toBeGreaterThan(300);
    }
    const submit = page.getByRole('button', { name: es['act.interview.submit'] });
    expect((await submit.boundingBox())!.height).toBeGreaterThanOrEqual(44);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(768);

    // A day in the future: refused, the day marked, every answer kept.
    await page.getByLabel(es['act.interview.destination']).selectOption('VEN');
    await page.getByLabel(es['act.interview.on']).fill('2099-01-15');
    await page.getByText(es['act.interview.identity.confirmed'], { exact: true }).click();
    await consent.getByText(es['act.interview.consent.refuses'], { exact: true }).click();
    await page.getByText(es['act.interview.fit.yes'], { exact: true }).click();
    await page.getByLabel(es['act.interview.note']).fill(note);
    await submit.click();
    await expect(page.getByRole('alert')).toBeVisible();
    await expect(page.getByLabel(es['act.interview.on'])).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByLabel(es['act.interview.on'])).toHaveValue('2099-01-15');
    await expect(page.getByLabel(es['act.interview.destination'])).toHaveValue('VEN');
    await expect(consent.getByLabel(es['act.interview.consent.refuses'])).toBeChecked();
    await expect(page.getByLabel(es['act.interview.note'])).toHaveValue(note);
    expect(canjeJson<InterviewJson[]>('act_ver', ['interview', 'list', '--person', person.id])).toEqual([]);
    await expectAccessible(page, 'the interview form with a refusal by the API (es)');
    await keepScreenshot(page, testInfo, 'interview-1-tablet-es');

    // Corrected, and sent on a bad line: the server records it but its answer is lost on the way
    // back. The page says the server could not be reached and keeps every answer; sending again
    // carries the same Idempotency-Key, so the server answers as the first time and the
    // interview is recorded once.
    await page.getByLabel(es['act.interview.on']).fill('2026-11-20');
    let lost = 0;
    await page.route('**/v1/interviews', async (route) => {
      if (route.request().method() !== 'POST' || lost > 0) return route.continue();
      lost += 1;
      await route.fetch();
      await route.abort('connectionreset');
    });
    await submit.click();
    await expect(page.getByRole('alert')).toContainText(es['problem.network']);
    expect(canjeJson<InterviewJson[]>('act_ver', ['interview', 'list', '--person', person.id])).toHaveLength(1);
    await expect(page.getByLabel(es['act.interview.note'])).toHaveValue(note);
    await expect(consent.getByLabel(es['act.interview.consent.refuses'])).toBeChecked();
    await submit.click();
    await expect(page.getByRole('status')).toContainText(/I\d+/);
    expect(lost).toBe(1);
    const interviews = canjeJson<InterviewJson[]>('act_ver', ['interview', 'list', '--person', person.id]);
    expect(interviews).toEqual([expect.objectContaining({ destination: 'VEN', consent: 'refuses', identity: 'confirmed', note, current: true })]);
    await page.getByLabel(es['lang.label']).selectOption('en');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(en['act.interview.title']);
    await expectAccessible(page, 'the interview form (en)');
    await keepScreenshot(page, testInfo, 'interview-2-tablet-en');

    // A negotiator of VEN opens the person: "not available (confidential)" where the reason
    // would be, no form, and neither the note nor the refusal in any answer it received.
    const negotiatorContext = await browser.newContext({ viewport: { width: 768, height: 1024 } });
    const negotiator = await negotiatorContext.newPage();
    const answers = recordAnswers(negotiator);
    await openInLanguage(negotiator, 'en');
    await signIn(negotiator, 'en', users.act_neg);
    await openPerson(negotiator, person.id);
    const eligibility = negotiator.getByTestId('eligibility');
    await expect(eligibility).toContainText(en['act.elig.kind.confidential']);
    await expect(negotiator.getByRole('region', { name: en['person.interviews'] })).toContainText(en['common.notForRole']);
    for (const hidden of [en['act.hold.add'], en['act.legal.add'], en['act.interview.open']]) {
      await expect(negotiator.getByText(hidden)).toHaveCount(0);
    }
    await expectAccessible(negotiator, 'the person page of a negotiator (en)');
    // Its lists page offers the import for its own party only.
    await negotiator.getByRole('link', { name: en['act.nav.lists'] }).click();
    await expect(negotiator.getByLabel(en['act.import.party'])).toBeDisabled();
    await expect(negotiator.getByLabel(en['act.import.party'])).toHaveValue('VEN');
    const received = answers.join('\n');
    expect(received).toContain(person.id);
    expect(received).not.toContain(note);
    expect(received).not.toMatch(/refuse|consent_refused/);
    await negotiatorContext.close();

    // A mediator on the same page reads both: the check above can fail.
    const mediatorContext = await browser.newContext({ viewport: { width: 768, height: 1024 } });
    const mediator = await mediatorContext.newPage();
    const mediatorAnswers = recordAnswers(mediator);
    await openInLanguage(mediator, 'en');
    await signIn(mediator, 'en', users.act_med_check);
    await openPerson(mediator, person.id);
    await mediator.getByLabel(en['act.elig.destination']).selectOption('VEN');
    await expect(mediator.getByTestId('eligibility')).toContainText(en['act.elig.kind.consent_refused']);
    await expect(mediator.getByRole('region', { name: en['person.interviews'] })).toContainText(note);
    expect(mediatorAnswers.join('\n')).toContain(note);
    await mediatorContext.close();
  });
});
