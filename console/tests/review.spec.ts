// The review queue (#/review) in chromium against a real `canje serve`: a mediator decides a pair
// with the keyboard alone and the decision is in the store; a missing reason is refused by the
// form; a decision the store refuses (409) is said and the reason kept; a negotiator's page
// receives nothing of a record it may not read; an observer is told the page is not for its
// role. axe on the page in both languages, and screenshots.
import { expect, test, type Page } from '@playwright/test';
import type { ReviewPair, ReviewRecord } from '../src/api/types';
import {
  canjeJson, dictionaries, expectAccessible, fixture, keepScreenshot, openInLanguage, recordAnswers, signIn, type Lang,
} from './fixture';

type Side = ReviewRecord | { hidden: true };
const record = (side: Side) => side as ReviewRecord;
const isHidden = (side: Side) => 'hidden' in side;
const pairTitle = (lang: Lang, pair: ReviewPair) => dictionaries[lang]['review.pairTitle']
  .replace('{left}', record(pair.left).record).replace('{right}', record(pair.right).record);

// The queue as `user` reads it with the command line (the API gives the same, in the same order).
const queueOf = (user: string) => canjeJson<ReviewPair[]>(user, ['review', 'list']);

async function openReview(page: Page, lang: Lang, user: string) {
  await openInLanguage(page, lang);
  await signIn(page, lang, fixture().users[user]);
  await page.getByRole('link', { name: dictionaries[lang]['nav.review'] }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(dictionaries[lang]['review.title']);
}

// Every POST of a decision the page sends.
function recordDecisions(page: Page): string[] {
  const sent: string[] = [];
  page.on('request', (request) => {
    if (request.method() === 'POST' && /\/v1\/review\/[^/]+\/decision$/.test(request.url())) sent.push(request.url());
  });
  return sent;
}

test('es: a mediator reads a pair and its explanation, and decides "different" with the keyboard alone', async ({ page }, testInfo) => {
  const t = dictionaries.es;
  const queue = queueOf('rev_med_es');
  const [first, second] = queue, queued = queue.length;
  const decisions = recordDecisions(page);
  const reads: string[] = [];
  page.on('request', (request) => {
    if (request.method() === 'GET' && new URL(request.url()).pathname === '/v1/review') reads.push(request.url());
  });
  await openReview(page, 'es', 'rev_med_es');
  const heading = page.locator('#pair-heading');
  await expect(heading).toHaveText(pairTitle('es', first));
  await expect(page.getByText(t['review.progress'].replace('{decided}', '0').replace('{total}', String(queued)))).toBeVisible();

  // Both records side by side, and how they compare said in words, not by colour alone.
  const records = page.getByTestId('pair-records');
  const left = record(first.left), right = record(first.right);
  await expect(records.locator('thead')).toContainText(left.record);
  await expect(records.locator('thead')).toContainText(right.record);
  const familyRow = records.locator('tbody tr', { has: page.getByRole('rowheader', { name: t['review.field.familyNames'] }) });
  await expect(familyRow).toContainText(left.family_names.join(' '));
  await expect(familyRow).toContainText(right.family_names.join(' '));
  const plain = (names: string[]) => names.join(' ').normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  const familySays = plain(left.family_names) === plain(right.family_names)
    ? (left.family_names.join() === right.family_names.join() ? '= ' + t['review.agree.same'] : '≈ ' + t['review.agree.written'])
    : '≠ ' + t['review.agree.differs'];
  await expect(familyRow.locator('td.agreement')).toHaveText(familySays);
  const bornRow = records.locator('tbody tr', { has: page.getByRole('rowheader', { name: t['review.field.born'] }) });
  const bornSays = !left.date_of_birth || !right.date_of_birth ? '∅ ' + t['review.agree.oneSide']
    : left.date_of_birth === right.date_of_birth ? '= ' + t['review.agree.same'] : '≠ ' + t['review.agree.differs'];
  await expect(bornRow.locator('td.agreement')).toHaveText(bornSays);

  // The waterfall: the prior, a step per comparison (▲ up, ▼ down), the final score; and the table.
  const comparisons = first.explanation!.comparisons;
  const chart = page.getByRole('img', { name: t['review.waterfall.title'] });
  await expect(chart).toBeVisible();
  await expect(chart.locator('g[data-step]')).toHaveCount(comparisons.length + 2);
  await expect(chart.locator('g[data-step="up"]')).toHaveCount(comparisons.filter((c) => c.weight > 0).length);
  await expect(chart.locator('g[data-step="down"]')).toHaveCount(comparisons.filter((c) => c.weight < 0).length);
  for (const step of await chart.locator('g[data-step="up"] text.value').allTextContents()) expect(step).toMatch(/^▲ \+/);
  for (const step of await chart.locator('g[data-step="down"] text.value').allTextContents()) expect(step).toMatch(/^▼ [−-]/);
  await expect(page.getByTestId('explanation-table').locator('tbody tr')).toHaveCount(comparisons.length + 2);
  await expectAccessible(page, 'the review queue (es)');
  await keepScreenshot(page, testInfo, 'es-5-review');

  // ? opens the list of shortcuts; N and P move through the queue.
  await page.keyboard.press('?');
  await expect(page.locator('details.shortcuts')).toHaveAttribute('open', '');
  await expect(page.getByText(t['review.keys.reason'])).toBeVisible();
  await page.keyboard.press('n');
  await expect(heading).toHaveText(pairTitle('es', second));
  await page.keyboard.press('p');
  await expect(heading).toHaveText(pairTitle('es', first));

  // D without a reason: the form says so, the field takes the focus, nothing is sent.
  await page.keyboard.press('d');
  const reason = page.getByLabel(t['review.reason']);
  await expect(page.getByText(t['review.reason.missing'])).toBeVisible();
  await expect(reason).toBeFocused();
  await expect(reason).toHaveAttribute('aria-invalid', 'true');
  expect(decisions).toEqual([]);
  expect(queueOf('rev_med_es').some((p) => record(p.left).record === left.record && record(p.right).record === right.record)).toBe(true);

  // Typed in the field, s, d, n and p are letters; Alt+D decides.
  const why = 'Distinct dates and spellings: not the same person (synthetic check)';
  await page.keyboard.type(why);
  await expect(reason).toHaveValue(why);
  await expect(heading).toHaveText(pairTitle('es', first));
  expect(decisions).toEqual([]);
  const answered = page.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith(`/v1/review/${left.record}-${right.record}/decision`));
  await page.keyboard.press('Alt+d');
  expect((await answered).status()).toBe(200);

  // The next pair at once, without reading the queue again; the progress counts the decision.
  await expect(heading).toHaveText(pairTitle('es', second));
  await expect(page.getByTestId('review-status')).toContainText(
    t['review.recorded.different'].replace('{left}', left.record).replace('{right}', right.record));
  await expect(page.getByText(t['review.progress'].replace('{decided}', '1').replace('{total}', String(queued)))).toBeVisible();
  await expect(reason).toHaveValue('');
  expect(decisions).toHaveLength(1);
  expect(reads).toHaveLength(1);

  // The store has it: the pair left the queue, and the binding decision says "different".
  const after = queueOf('rev_med_es');
  expect(after).toHaveLength(queued - 1);
  expect(after.some((p) => record(p.left).record === left.record && record(p.right).record === right.record)).toBe(false);
  const explained = canjeJson<{ decision?: { same: boolean; by: string } }>('rev_med_es', ['link', 'explain', left.record, right.record]);
  expect(explained.decision).toMatchObject({ same: false, by: 'rev_med_es' });

  // A pair with a comparison against it: its step is drawn down, hatched, marked ▼ and a minus.
  const against = after.findIndex((p) => p.explanation!.comparisons.some((c) => c.weight < 0));
  expect(against).toBeGreaterThanOrEqual(0);
  await expect(page.getByLabel(t['review.reason'])).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(heading).toBeFocused();
  for (let i = 0; i < against; ++i) await page.keyboard.press('n');
  await expect(heading).toHaveText(pairTitle('es', after[against]));
  const down = after[against].explanation!.comparisons.filter((c) => c.weight < 0).length;
  await expect(chart.locator('g[data-step="down"]')).toHaveCount(down);
  for (const step of await chart.locator('g[data-step="down"] text.value').allTextContents()) expect(step).toMatch(/^▼ [−-]\d/);
  await keepScreenshot(page, testInfo, 'es-6-review-against');
});

// English on a tablet's screen (768 px wide, portrait).
test.describe(() => {
  test.use({ viewport: { width: 768, height: 1024 } });

  test('en: a decision the store refuses (decided meanwhile) or that cannot reach it is said in English, the reason kept', async ({ page, context }, testInfo) => {
    const t = dictionaries.en;
    const queue = queueOf('rev_med_en');
    const [first] = queue;
    await openReview(page, 'en', 'rev_med_en');
    await expect(page.locator('#pair-heading')).toHaveText(pairTitle('en', first));

    // Someone else decides the pair shown, with the command line.
    canjeJson('mediator', ['review', 'decide', record(first.left).record, record(first.right).record,
      '--different', '--reason', 'decided elsewhere (synthetic)']);
    await page.keyboard.press('r');
    const why = 'Different documents';
    await page.keyboard.type(why);
    const answered = page.waitForResponse((r) => r.request().method() === 'POST' && r.url().includes('/decision'));
    await page.keyboard.press('Alt+KeyD');
    expect((await answered).status()).toBe(409);
    await expect(page.getByRole('alert').locator('p').first()).toHaveText(t['review.error.decided']);
    await expect(page.getByLabel(t['review.reason'])).toHaveValue(why);
    await expect(page.locator('#pair-heading')).toHaveText(pairTitle('en', first));
    await expect(page.getByText(t['review.progress'].replace('{decided}', '0').replace('{total}', String(queue.length)))).toBeVisible();
    await expectAccessible(page, 'the review queue with a refused decision (en)');
    await keepScreenshot(page, testInfo, 'en-5-review-refused');

    // The browser offline (the next pair, whose decision is not made yet): said, the reason kept.
    const second = queue[1];
    await page.keyboard.press('Alt+KeyN');
    await expect(page.locator('#pair-heading')).toHaveText(pairTitle('en', second));
    await context.setOffline(true);
    await page.keyboard.press('Alt+KeyS');
    await expect(page.getByRole('alert').locator('p').first()).toHaveText(t['problem.network']);
    await expect(page.getByLabel(t['review.reason'])).toHaveValue(why);
    await context.setOffline(false);
    expect(queueOf('rev_med_en').some((p) => record(p.left).record === record(second.left).record
      && record(p.right).record === record(second.right).record)).toBe(true);
  });
});

// The records a negotiator may not read behind its queue's candidate-only pairs: for each such
// pair, the mediator's pairs of the same visible record whose other side the negotiator is
// refused (`canje link explain` answers "no record ... that you may see").
function hiddenRecords(negotiator: string): ReviewRecord[] {
  const mine = queueOf(negotiator);
  const all = queueOf('mediator');
  const hidden = new Map<string, ReviewRecord>();
  for (const pair of mine.filter((p) => p.candidate_only)) {
    const seen = record(isHidden(pair.left) ? pair.right : pair.left).record;
    for (const full of all) {
      const [a, b] = [record(full.left), record(full.right)];
      const other = a.record === seen ? b : b.record === seen ? a : null;
      if (!other || hidden.has(other.record)) continue;
      try {
        canjeJson(negotiator, ['link', 'explain', seen, other.record]);
      } catch (error) {
        expect(String((error as { stderr?: string }).stderr)).toContain(`no record ${other.record} that you may see`);
        hidden.set(other.record, other);
      }
    }
  }
  return [...hidden.values()];
}

// What of `hidden` a set of answers carries: any record object with a hidden id, any string equal
// to a hidden id, any record with a hidden record's names (unless a record the reader may see
// has the same names: a duplicate across lists is the point of review).
function leaks(answers: string[], hidden: ReviewRecord[], visible: ReviewRecord[]): string[] {
  const ids = new Set(hidden.map((r) => r.record));
  const names = (r: ReviewRecord) => JSON.stringify([r.given_names, r.family_names]);
  const allowed = new Set(visible.map(names));
  const hiddenNames = new Map(hidden.filter((r) => !allowed.has(names(r))).map((r) => [names(r), r.record]));
  const found: string[] = [];
  const walk = (value: unknown) => {
    if (typeof value === 'string' && ids.has(value)) found.push(`the id ${value}`);
    else if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object') {
      const object = value as Record<string, unknown>;
      if (Array.isArray(object.given_names) && hiddenNames.has(names(object as unknown as ReviewRecord))) {
        found.push(`the names of ${hiddenNames.get(names(object as unknown as ReviewRecord))}`);
      }
      Object.values(object).forEach(walk);
    }
  };
  for (const body of answers) {
    try {
      walk(JSON.parse(body));
    } catch {
      // not JSON: an empty body
    }
  }
  return found;
}

test('a negotiator sees that a hidden candidate exists, nothing of it, and cannot decide it', async ({ page }, testInfo) => {
  const t = dictionaries.en;
  const answers = recordAnswers(page);
  const decisions = recordDecisions(page);
  const queue = queueOf('rev_neg');
  const hidden = hiddenRecords('rev_neg');
  expect(hidden.length).toBeGreaterThan(0);
  const visible = queue.flatMap((p) => [p.left, p.right]).filter((s) => !isHidden(s)).map(record);
  // The check can fail: the mediator's own queue carries what the negotiator's must not.
  expect(leaks([JSON.stringify(queueOf('mediator'))], hidden, visible).length).toBeGreaterThan(0);

  await openReview(page, 'en', 'rev_neg');
  const decidable = queue.filter((p) => !p.candidate_only).length;
  const candidates = queue.length - decidable;
  await expect(page.getByText(t['review.progress'].replace('{decided}', '0').replace('{total}', String(decidable)))).toBeVisible();
  await expect(page.getByText(t['review.candidateOnlyCount'].replace('{count}', String(candidates)))).toBeVisible();

  // To the first candidate-only pair, with N.
  const at = queue.findIndex((p) => p.candidate_only);
  for (let i = 0; i < at; ++i) await page.keyboard.press('n');
  const seen = record(isHidden(queue[at].left) ? queue[at].right : queue[at].left);
  await expect(page.locator('#pair-heading')).toHaveText(t['review.candidateTitle'].replace('{record}', seen.record));
  await expect(page.getByTestId('candidate-only')).toHaveText(t['review.candidateOnly']);
  await expect(page.getByTestId('pair-records').locator('thead')).toContainText(t['review.hiddenSide']);
  await expect(page.getByLabel(t['review.reason'])).toHaveCount(0);
  await page.keyboard.press('s');
  await expect(page.getByTestId('review-status')).toHaveText(t['review.cannotDecide']);
  expect(decisions).toEqual([]);
  await expectAccessible(page, 'a negotiator\'s candidate-only pair');
  await keepScreenshot(page, testInfo, 'negotiator-review');

  expect(answers.some((body) => body.includes('"candidate_only":true'))).toBe(true);
  expect(leaks(answers, hidden, visible)).toEqual([]);
  const text = await page.locator('body').innerText();
  for (const r of hidden) expect(text).not.toMatch(new RegExp(`\\b${r.record}\\b`));
});

test('an observer is told the review queue is not available to its role', async ({ page }) => {
  const t = dictionaries.es;
  await openReview(page, 'es', 'rev_obs');
  await expect(page.getByText(t['common.notForRole'])).toBeVisible();
  await expect(page.getByTestId('review-pair')).toHaveCount(0);
});
