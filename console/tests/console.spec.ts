// The console in chromium against a real `canje serve` (tests/global-setup.ts): signing in and
// its refusals in each language, the overview and the person search, what a negotiator may not
// read, a session that ends; axe on every page and a screenshot of each.
import { expect, test } from '@playwright/test';
import {
  dictionaries, expectAccessible, fillSignIn, fixture, keepScreenshot, openInLanguage, recordAnswers, signIn, type Lang,
} from './fixture';

// Spanish on a laptop's screen, English on a tablet's (768 px wide, portrait).
for (const lang of ['es', 'en'] as Lang[]) {
  const t = dictionaries[lang];
  test.describe(() => {
    test.use({ viewport: lang === 'es' ? { width: 1280, height: 800 } : { width: 768, height: 1024 } });

    test(`${lang}: sign in, the overview, the person search and a person, sign out`, async ({ page }, testInfo) => {
      const { users, refused } = fixture();
      const user = users[`neg_${lang}`];
      await openInLanguage(page, lang);
      await expectAccessible(page, 'the sign-in page');
      await keepScreenshot(page, testInfo, `${lang}-1-sign-in`);

      await signIn(page, lang, user);
      // The overview: the reconciliation's chart (a bar per party and series) and its tables.
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(t['overview.title']);
      const chart = page.getByRole('img', { name: t['overview.chart.title'] });
      await expect(chart).toBeVisible();
      const partyRows = page.getByRole('region', { name: t['overview.reconciliation'] }).locator('tbody tr');
      const parties = await partyRows.count();
      expect(parties).toBeGreaterThan(0);
      await expect(chart.locator('rect')).toHaveCount(parties * 2);
      const lists = page.getByRole('region', { name: t['overview.lists'] }).locator('tbody tr');
      expect(await lists.count()).toBeGreaterThan(0);
      await expect(lists.first().locator('code')).toHaveText(/^[0-9a-f]{64}$/);
      // The API's codes are said in the page's language (the demo's first list is SLV's roster).
      const roster = { es: 'lista de custodia', en: 'custody roster' }[lang];
      await expect(lists.first()).toContainText(roster);
      await expect(page.getByRole('main')).not.toContainText(/custody_roster|needs_review|not_on_roster/);
      await expectAccessible(page, 'the overview');
      await keepScreenshot(page, testInfo, `${lang}-2-overview`);

      // The search, as typed: a fragment of a name the user may see.
      await page.getByRole('link', { name: t['nav.persons'] }).click();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(t['persons.title']);
      const fragment = refused.name.split(' ')[0];
      await page.getByLabel(t['persons.search']).pressSequentially(fragment, { delay: 30 });
      const rows = page.locator('#persons-results tbody tr');
      await expect(rows.first()).toBeVisible();
      await expect(page).toHaveURL(new RegExp(`#/persons\\?q=${encodeURIComponent(fragment)}$`));
      const refusedRow = rows.filter({ has: page.locator('td:first-child', { hasText: new RegExp(`^${refused.id}$`) }) });
      await expect(refusedRow).toContainText(fragment);
      await expectAccessible(page, 'the person search');
      await keepScreenshot(page, testInfo, `${lang}-3-persons`);

      // Keyboard: down from the field to the first row, down again, up, Enter opens that person.
      await page.getByLabel(t['persons.search']).press('ArrowDown');
      await expect(rows.first()).toBeFocused();
      const count = await rows.count();
      if (count > 1) {
        await page.keyboard.press('ArrowDown');
        await expect(rows.nth(1)).toBeFocused();
        await page.keyboard.press('ArrowUp');
      }
      const firstId = (await rows.first().locator('td').first().innerText()).trim();
      await page.keyboard.press('Enter');
      await expect(page).toHaveURL(new RegExp(`#/persons/${firstId}$`));
      await expect(page.getByRole('heading', { level: 1 })).toContainText(firstId);
      await expect(page.getByRole('heading', { level: 2, name: t['person.records'] })).toBeVisible();
      await expectAccessible(page, 'a person');
      await keepScreenshot(page, testInfo, `${lang}-4-person`);

      await page.getByRole('button', { name: t['header.signOut'] }).click();
      await expect(page.getByRole('status')).toHaveText(t['signin.signedOut']);
      await expect(page.getByTestId('who')).toHaveCount(0);
      // The server ended the session (DELETE /v1/session carried the CSRF token): the browser's
      // cookie no longer signs anyone in.
      expect((await page.request.get(`${fixture().url}/v1/session`)).status()).toBe(401);
    });

    test(`${lang}: a wrong password, a wrong code and too many attempts are said in ${lang}`, async ({ page }, testInfo) => {
      const { users } = fixture();
      await openInLanguage(page, lang);
      const alert = page.getByRole('alert');

      await fillSignIn(page, lang, users[`fail_${lang}`], { password: 'not-the-password-at-all' });
      await expect(alert.locator('p').first()).toHaveText(t['problem.sign_in_failed']);
      await expect(alert).toContainText(t['problem.serverSaid']);
      await expectAccessible(page, 'the sign-in page with an error');
      await keepScreenshot(page, testInfo, `${lang}-sign-in-refused`);

      await fillSignIn(page, lang, users[`fail_${lang}`], { code: '000000' });
      await expect(alert.locator('p').first()).toHaveText(t['problem.sign_in_failed']);
      await expect(page.getByTestId('who')).toHaveCount(0);

      // Failures in a row: after the third, each next attempt must wait longer (1, 2, 4 ... s);
      // sent at once, one is refused with the wait, and the page says how long. (Ten would lock
      // the account: the loop stops well before.)
      if (lang === 'es') {
        const waiting = users.wait_es;
        const statuses: number[] = [];
        for (let i = 0; i < 7 && !statuses.includes(429); ++i) {
          statuses.push(await fillSignIn(page, lang, waiting, { password: `wrong-password-${i}` }));
        }
        expect(statuses.slice(0, 3)).toEqual([401, 401, 401]);
        expect(statuses).toContain(429);
        const [before, after] = t['problem.too_many_attempts'].split('{seconds}');
        await expect(alert.locator('p').first()).toHaveText(new RegExp(`^${escape(before)}\\d+${escape(after)}$`));
        await keepScreenshot(page, testInfo, 'es-sign-in-wait');
      }
    });
  });
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

test('a negotiator never receives nor sees a refusal or an interview note', async ({ page }, testInfo) => {
  const { users, refused } = fixture();
  const t = dictionaries.en;
  const answers = recordAnswers(page);
  await openInLanguage(page, 'en');
  await signIn(page, 'en', users.ven_private);
  await page.goto(`${fixture().url}/#/persons?q=${encodeURIComponent(refused.name.split(' ')[0])}`);
  await expect(page.locator('#persons-results tbody tr').first()).toBeVisible();
  await page.goto(`${fixture().url}/#/persons/${refused.id}`);
  const interviews = page.getByRole('region', { name: t['person.interviews'] });
  await expect(interviews).toContainText(t['common.notForRole']);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(refused.id);
  await keepScreenshot(page, testInfo, 'negotiator-person');

  const text = await page.locator('body').innerText();
  for (const secret of [refused.note, 'fears persecution', 'refuses']) {
    expect(text).not.toContain(secret);
    for (const body of answers) expect(body).not.toContain(secret);
  }
  expect(answers.length).toBeGreaterThan(3);
});

test('a mediator reads the same refusal on the same page (the check above can fail)', async ({ page }) => {
  const { users, refused } = fixture();
  const t = dictionaries.en;
  const answers = recordAnswers(page);
  await openInLanguage(page, 'en');
  await signIn(page, 'en', users.med_control);
  await page.goto(`${fixture().url}/#/persons/${refused.id}`);
  const interviews = page.getByRole('region', { name: t['person.interviews'] });
  await expect(interviews).toContainText(refused.note);
  await expect(interviews).toContainText('refuses');
  expect(answers.some((body) => body.includes(refused.note))).toBe(true);
});

test('a session that ends brings back the sign-in page, the name and the search kept', async ({ page, context }) => {
  const { users } = fixture();
  const t = dictionaries.es;
  const user = users.expiring;
  await openInLanguage(page, 'es');
  await signIn(page, 'es', user);
  await page.getByRole('link', { name: t['nav.persons'] }).click();
  const search = page.getByLabel(t['persons.search']);
  const answered = page.waitForResponse((response) => response.url().includes('/v1/persons?name=Jo&'));
  await search.pressSequentially('Jo', { delay: 30 });
  expect((await answered).status()).toBe(200);

  // The session ends (as after 30 idle minutes): the next request is a 401.
  await context.clearCookies();
  await search.pressSequentially('s', { delay: 30 });
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(t['signin.title']);
  await expect(page.getByRole('status')).toHaveText(t['signin.sessionEnded']);
  await expect(page.getByLabel(t['signin.name'])).toHaveValue(user.name);
  await expect(page).toHaveURL(/#\/persons\?q=Jos$/);

  // Signing in again returns to the search as it was typed.
  await fillSignIn(page, 'es', user);
  await expect(page.getByLabel(t['persons.search'])).toHaveValue('Jos');
});
