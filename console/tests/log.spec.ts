// The log page (#/log) in chromium against the real server: the key from `canje log vkey`
// verifies the checkpoint and entry 3's inclusion (each language, axe, screenshots); another
// log's key verifies nothing; a remembered checkpoint the log does not extend is a warning; a log
// that grew between two visits is shown consistent with the checkpoint remembered.
import { expect, test, type Page } from '@playwright/test';
import { canjeText, dictionaries, expectAccessible, fixture, keepScreenshot, openInLanguage, signIn, type Lang } from './fixture';

const fill = (text: string, values: Record<string, string | number>, lang: Lang) =>
  Object.entries(values).reduce((out, [name, value]) =>
    out.replaceAll(`{${name}}`, typeof value === 'number' ? new Intl.NumberFormat(lang).format(value) : value), text);

async function openLogWithKey(page: Page, lang: Lang, user: string, vkey: string) {
  const t = dictionaries[lang];
  await openInLanguage(page, lang);
  await signIn(page, lang, fixture().users[user]);
  await page.getByRole('link', { name: t['nav.log'] }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(t['log.title']);
  await page.getByLabel(t['log.key.label'], { exact: true }).fill(vkey);
  await page.getByRole('button', { name: t['log.key.submit'] }).click();
}

const shownSize = async (page: Page) => Number((await page.getByTestId('log-size').innerText()).replace(/\D/g, ''));

for (const lang of ['es', 'en'] as Lang[]) {
  test(`${lang}: the log's own key verifies the checkpoint, and entry 3 is in the tree`, async ({ page }, testInfo) => {
    const t = dictionaries[lang];
    const vkey = canjeText(['log', 'vkey']).trim();
    await openLogWithKey(page, lang, `log_${lang}`, vkey);
    await expect(page.getByTestId('log-verified')).toHaveText(fill(t['log.verified'], { key: vkey }, lang));
    await expect(page.getByText(t['log.growth.first'])).toBeVisible();
    const size = await shownSize(page);
    expect(size).toBeGreaterThan(3);

    // Not a number, and a number beyond the verified tree: said, nothing fetched as included.
    const entryField = page.getByLabel(t['log.entry.label']);
    await entryField.fill('tres');
    await page.getByRole('button', { name: t['log.entry.submit'] }).click();
    await expect(page.getByRole('alert')).toHaveText(fill(t['log.entry.notNumber'], { max: size - 1 }, lang));
    await entryField.fill(String(size));
    await page.getByRole('button', { name: t['log.entry.submit'] }).click();
    await expect(page.getByRole('alert')).toContainText(fill(t['logcheck.merkle.index'], { index: size, size }, lang));

    await page.getByLabel(t['log.entry.label']).fill('3');
    await page.getByRole('button', { name: t['log.entry.submit'] }).click();
    const result = page.getByTestId('log-entry-result');
    await expect(result.getByRole('status')).toHaveText(fill(t['log.entry.included'], { index: 3, size }, lang));
    // The leaf shown is the one the command line gives, byte for byte.
    await expect(result.locator('pre')).toHaveText(canjeText(['log', 'entry', '3']));
    await expectAccessible(page, `the log page (${lang})`);
    await keepScreenshot(page, testInfo, `${lang}-log`);

    // The latest events, each checked by its own button.
    const latest = page.getByRole('region', { name: t['log.events.heading'] }).locator('tbody tr').first();
    const seq = Number(await latest.locator('th').innerText());
    await latest.getByRole('button').click();
    await expect(result.getByRole('status')).toHaveText(fill(t['log.entry.included'], { index: seq, size }, lang));
    await expect(result.locator('pre')).toContainText(`"seq":${seq},`);
  });
}

test('another log\'s key does not verify the checkpoint, and nothing is shown as verified', async ({ page }) => {
  const t = dictionaries.en;
  // A line that is not a key at all is refused under the field first.
  await openLogWithKey(page, 'en', 'log_wrong', 'the key the server showed me');
  await expect(page.getByRole('alert')).toHaveText(t['logcheck.vkey.form']);
  await expect(page.getByLabel(t['log.key.label'], { exact: true })).toHaveAttribute('aria-invalid', 'true');

  const other = fixture().otherVkey;
  await page.getByLabel(t['log.key.label'], { exact: true }).fill(other);
  await page.getByRole('button', { name: t['log.key.submit'] }).click();
  const refusal = page.getByTestId('log-not-verified');
  await expect(refusal).toContainText(t['log.notVerified']);
  const ours = canjeText(['log', 'vkey']).trim();
  await expect(refusal).toContainText(fill(t['logcheck.note.notSignedByKey'],
    { name: other.split('+')[0], signers: ours.split('+')[0] }, 'en'));
  await expect(page.getByTestId('log-verified')).toHaveCount(0);
  await expect(page.locator('.verified')).toHaveCount(0);
  await expect(page.getByLabel(t['log.entry.label'])).toHaveCount(0);
  await expectAccessible(page, 'the log page refusing a key');
});

test('a remembered checkpoint the log does not extend is said loudly, with both sizes and roots', async ({ page }) => {
  const t = dictionaries.en;
  const vkey = canjeText(['log', 'vkey']).trim();
  await openLogWithKey(page, 'en', 'log_fork', vkey);
  await expect(page.getByTestId('log-verified')).toBeVisible();
  const size = await shownSize(page);
  const root = (await page.locator('.details code').first().innerText()).trim();

  // A forged memory: a smaller tree with a root this log never had.
  const forgedRoot = Buffer.alloc(32, 7).toString('base64');
  await page.evaluate(([forgedSize, forgedRoot]) => {
    const kept = JSON.parse(localStorage.getItem('canje.log.checkpoint')!);
    localStorage.setItem('canje.log.checkpoint', JSON.stringify({ ...kept, size: forgedSize, root: forgedRoot }));
  }, [size - 2, forgedRoot] as const);
  await page.reload();
  const alarm = page.getByRole('alert');
  await expect(alarm).toContainText(fill(t['log.growth.forked'],
    { oldSize: size - 2, oldRoot: forgedRoot, newSize: await shownSize(page), newRoot: root }, 'en'));
  await expect(alarm).toContainText(t['logcheck.merkle.oldRootMismatch']);

  // A memory of a larger tree: the log shrank.
  await page.evaluate((largerSize) => {
    const kept = JSON.parse(localStorage.getItem('canje.log.checkpoint')!);
    localStorage.setItem('canje.log.checkpoint', JSON.stringify({ ...kept, size: largerSize }));
  }, size + 5);
  await page.reload();
  await expect(page.getByRole('alert')).toContainText(fill(t['log.growth.shrank'],
    { oldSize: size + 5, oldRoot: forgedRoot, newSize: await shownSize(page), newRoot: root }, 'en'));

  // Forgetting it starts afresh from the checkpoint verified now.
  await page.getByRole('button', { name: t['log.growth.forget'] }).click();
  await expect(page.getByText(t['log.growth.first'])).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('a log that grew between two visits is verified consistent with the checkpoint remembered', async ({ page }) => {
  const t = dictionaries.en;
  const vkey = canjeText(['log', 'vkey']).trim();
  await openLogWithKey(page, 'en', 'log_grow', vkey);
  await expect(page.getByText(t['log.growth.first'])).toBeVisible();
  const before = await shownSize(page);

  canjeText(['--as', 'mediator', 'party', 'add', 'LOGCHECK', '--name', 'Log check (synthetic)', '--kind', 'organisation']);
  await page.reload();
  await expect(page.getByTestId('log-verified')).toBeVisible();
  const after = await shownSize(page);
  expect(after).toBeGreaterThan(before);
  await expect(page.getByRole('status').filter({ hasText: t['log.growth.grew'].slice(0, 20) }))
    .toHaveText(fill(t['log.growth.grew'], { oldSize: before, newSize: after }, 'en'));
  // A third visit with nothing new: the same checkpoint.
  await page.reload();
  await expect(page.getByText(fill(t['log.growth.same'], { size: after }, 'en'))).toBeVisible();
});
