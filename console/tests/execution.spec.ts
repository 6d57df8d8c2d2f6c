// The execution page (#/execution/X1) in chromium against a real `canje serve`, over the agreed
// exchange of tests/execution-setup.ts: a verifier on a tablet records two handovers over a line
// that loses the first answer (the retry records nobody twice) and a person who does not travel;
// a delegation reads the execution without any personal reason, reports its count, sees every
// difference named in its language, and prints the page without its forms. axe in both
// languages; screenshots.
import { expect, test, type Page } from '@playwright/test';
import { canjeJson, dictionaries, expectAccessible, fixture, keepScreenshot, openInLanguage, recordAnswers, signIn, type Lang } from './fixture';

// Signs in and opens the exchange's execution: from the header's link, typing the id, or from the
// overview's funnel of the exchanges under way.
async function openExecution(page: Page, lang: Lang, user: string, way: 'typed' | 'overview') {
  const t = dictionaries[lang];
  const { exchange } = fixture().execution;
  await openInLanguage(page, lang);
  await signIn(page, lang, fixture().users[user]);
  if (way === 'typed') {
    await page.getByRole('link', { name: t['nav.execution'], exact: true }).click();
    await page.getByLabel(t['exec.askExchange']).fill(exchange);
    await page.getByRole('button', { name: t['exec.open'] }).click();
  } else {
    await expect(page.getByRole('heading', { name: t['overview.underWay'] })).toBeVisible();
    await expect(page.getByRole('img', { name: t['exec.funnel.title'].replace('{from}', 'SLV').replace('{to}', 'VEN') })).toBeVisible();
    await page.getByRole('link', { name: t['overview.underWay.open'].replace('{exchange}', exchange) }).click();
  }
  await expect(page.getByTestId('readiness')).toBeVisible();
}

const row = (page: Page, person: string) =>
  page.getByTestId('readiness').locator('tbody tr', { has: page.getByRole('rowheader', { name: person, exact: true }) });

interface HandoverJson { person: string; to: string; place: string; witnesses: string[] }

test.describe('on a tablet', () => {
  test.use({ viewport: { width: 768, height: 1024 } });

  test('es: a verifier records two handovers on a line that loses the first answer, and one person who does not travel', async ({ page }, testInfo) => {
    const t = dictionaries.es;
    const { exchange, ready, held, unfit } = fixture().execution;
    const [first, second] = ready;
    await openExecution(page, 'es', 'xs_ver', 'typed');
    await expect(page.getByRole('heading', { level: 1 })).toContainText(exchange);
    // The verifier reads every reason: the unfit person's and the court order's.
    await expect(row(page, unfit)).toContainText(t['exec.reason.unfit']);
    await expect(row(page, held)).toContainText(t['exec.obstacle.legal_hold']);
    await expect(row(page, held).getByRole('checkbox')).toHaveCount(0);  // only ready persons can be handed over

    await page.getByLabel(t['exec.selectLabel'].replace('{person}', first)).check();
    await page.getByLabel(t['exec.selectLabel'].replace('{person}', second)).check();
    await expect(page.getByTestId('handover-selected')).toContainText(`${first}, ${second}`);
    await page.getByLabel(t['exec.handover.at']).fill('2025-07-18T14:05');
    await page.getByLabel(t['exec.handover.witnesses']).fill('ICRC delegate (synthetic)\nPUENTE officer (synthetic)');
    const submit = page.getByRole('button', { name: t['exec.handover.submit'].replace('{count}', '2') });
    await submit.click();
    // No place: said, nothing sent, and what was typed stays.
    await expect(page.getByText(t['exec.handover.missing'])).toBeVisible();
    await expect(page.getByLabel(t['exec.handover.at'])).toHaveValue('2025-07-18T14:05');
    expect(canjeJson<HandoverJson[]>('xs_med', ['handover', 'list', exchange])).toEqual([]);

    // The line drops the first answer after the server has recorded the handovers.
    const sent: string[] = [];
    let dropped = false;
    await page.route('**/handovers/batch', async (route) => {
      sent.push(route.request().headers()['idempotency-key'] ?? '');
      const answer = await route.fetch();
      if (!dropped) {
        dropped = true;
        expect(answer.status()).toBe(200);
        await route.abort('connectionreset');
      } else {
        await route.fulfill({ response: answer });
      }
    });
    await page.getByLabel(t['exec.handover.place']).fill('Comalapa airport (synthetic)');
    await submit.click();
    await expect(page.getByText(t['problem.network'])).toBeVisible();
    await expect(page.getByLabel(t['exec.handover.place'])).toHaveValue('Comalapa airport (synthetic)');
    await submit.click();
    await expect(page.getByText(t['exec.handover.recorded'].replace('{count}', '2'))).toBeVisible();
    expect(sent).toHaveLength(2);
    expect(sent[0]).not.toBe('');
    expect(sent[1]).toBe(sent[0]);
    const recorded = canjeJson<HandoverJson[]>('xs_med', ['handover', 'list', exchange]);
    expect(recorded.map((h) => h.person).sort()).toEqual([first, second].sort());
    expect(recorded.every((h) => h.to === 'VEN' && h.place === 'Comalapa airport (synthetic)' && h.witnesses.length === 2)).toBe(true);
    await expect(row(page, first)).toContainText(t['exec.status.handed over']);

    // The person held by the court order does not travel.
    await page.getByLabel(t['exec.notTravelling.person'], { exact: true }).selectOption(held);
    await page.getByLabel(t['exec.notTravelling.reason'], { exact: true }).selectOption('other');
    await page.getByLabel(t['exec.notTravelling.note']).fill('court order EXEC-1 (synthetic)');
    await page.getByRole('button', { name: t['exec.notTravelling.submit'], exact: true }).click();
    await expect(page.getByText(t['exec.notTravelling.recorded'].replace('{person}', held))).toBeVisible();
    await expect(row(page, held)).toContainText(t['exec.status.not travelling']);
    const readiness = canjeJson<{ persons: { person: string; status: string; reason?: string }[] }>('xs_med', ['exchange', 'readiness', exchange]);
    expect(readiness.persons.find((p) => p.person === held)).toMatchObject({ status: 'not travelling', reason: 'other' });

    await expectAccessible(page, 'the execution page (es, tablet)');
    await keepScreenshot(page, testInfo, 'execution-verifier-tablet-es');
  });
});

test('en: a delegation reads the execution without personal reasons, reports its count and prints the page', async ({ page }, testInfo) => {
  const t = dictionaries.en;
  const { exchange, unfit, unfitNote } = fixture().execution;
  const answers = recordAnswers(page);
  await openExecution(page, 'en', 'xs_ven', 'overview');
  // Why the unfit person does not travel is personal: the delegation reads only that it is confidential.
  await expect(row(page, unfit)).toContainText(t['exec.status.not travelling']);
  await expect(row(page, unfit)).toContainText(t['exec.reason.confidential']);
  await expect(page.getByRole('heading', { name: t['exec.handover.heading'] })).toHaveCount(0);  // a negotiator records no handover

  // Its own count of SLV → VEN, without a list: one fewer than... whatever the record says, named.
  await expect(page.getByLabel(t['exec.report.party'])).toHaveValue('VEN');
  await page.getByLabel(t['exec.report.count']).fill('many');
  await page.getByRole('button', { name: t['exec.report.submit'], exact: true }).click();
  await expect(page.getByText(t['exec.report.badCount'])).toBeVisible();
  await page.getByLabel(t['exec.report.count']).fill('7');
  await page.getByLabel(t['exec.report.note']).fill('counted at the airport (synthetic)');
  await page.getByRole('button', { name: t['exec.report.submit'], exact: true }).click();
  await expect(page.getByText(t['exec.report.recorded'].replace('{party}', 'VEN').replace('{count}', '7').replace('{direction}', 'SLV>VEN'))).toBeVisible();
  const reconciled = canjeJson<{ directions: { reported: { party: string; count: number }[] }[] }>('xs_med', ['exchange', 'reconcile', exchange]);
  expect(reconciled.directions[0].reported).toContainEqual(expect.objectContaining({ party: 'VEN', count: 7 }));
  const differences = page.getByTestId('differences-SLV-VEN');
  await expect(differences).toContainText(t['exec.diff.count_unexplained'].replace('{party}', 'VEN').split('{count}')[0]);
  await expect(differences).toContainText(t['exec.diff.not_travelling'].replace('{who}', '').split(':')[0].trim());
  await expect(page.getByTestId('reconciliation-verdict')).toBeVisible();

  // Nothing personal reached the browser: not the reason, not the note.
  const everything = answers.join('\n');
  expect(everything).not.toContain(unfitNote);
  expect(everything).not.toMatch(/unfit|refus/i);

  await expectAccessible(page, 'the execution page (en)');
  await keepScreenshot(page, testInfo, 'execution-delegation-en');
  // Printed, the page is the record without its forms and buttons.
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('heading', { name: t['exec.report.heading'] })).toBeHidden();
  await expect(page.getByRole('button', { name: t['exec.print'] })).toBeHidden();
  await expect(page.getByTestId('readiness')).toBeVisible();
  await expect(page.getByRole('heading', { name: t['exec.reconciliation'] })).toBeVisible();
});
