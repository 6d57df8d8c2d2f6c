// Changing an exchange from its page: a mediator puts the parties on their sides and sets a
// side's rule, one change refused because the exchange changed meanwhile (412: said, the typed
// values kept, read again, sent again); a negotiator claims a person for its own party only,
// then makes a first proposal in numbers and tables it.
// Each change checked with `canje exchange show`. axe in both languages.
import { expect, test, type Page } from '@playwright/test';
import { canjeJson, canjeText, dictionaries, expectAccessible, fixture, keepScreenshot, openInLanguage, signIn, type Lang } from './fixture';

interface Shown {
  blocs: { name: string; parties: string[]; rule: { kind: string; ratio?: number } }[];
  claims: { claimant: string; person: string }[];
}

// A new exchange made with the command line, as the mediator; its id.
function newExchange(name: string): string {
  canjeText(['--as', 'xc_med', 'exchange', 'create', name, '--mediator', 'PUENTE']);
  return canjeJson<{ id: string; name: string }[]>('xc_med', ['exchange', 'list']).find((x) => x.name === name)!.id;
}

async function openExchange(page: Page, lang: Lang, user: string, id: string) {
  await openInLanguage(page, lang);
  await signIn(page, lang, fixture().users[user]);
  await page.goto(`${fixture().url}/#/exchanges/${id}`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(id);
}

test('es: a mediator puts the parties on their sides and sets a rule; a change on a stale page is said, kept and sent again', async ({ page }, testInfo) => {
  const t = dictionaries.es;
  const id = newExchange(`changes-${Date.now()}`);
  await openExchange(page, 'es', 'xc_med', id);
  const partyForm = page.getByRole('form', { name: t['exch.change.party'] });
  for (const [party, bloc] of [['SLV', 'SLV+USA'], ['VEN', 'VEN']]) {
    await partyForm.getByLabel(t['exch.change.partyLabel']).selectOption(party);
    await partyForm.getByLabel(t['exch.change.bloc']).fill(bloc);
    await partyForm.getByRole('button', { name: t['exch.change.partySubmit'] }).click();
    await expect(page.getByRole('rowheader', { name: bloc, exact: true })).toBeVisible();
  }
  let shown = canjeJson<Shown>('xc_med', ['exchange', 'show', id]);
  expect(shown.blocs.map((b) => [b.name, b.parties])).toEqual([['SLV+USA', ['SLV']], ['VEN', ['VEN']]]);

  // Meanwhile, with the command line, the United States joins El Salvador's side.
  canjeText(['--as', 'xc_med', 'exchange', 'party', 'add', id, 'USA', '--bloc', 'SLV+USA']);
  const ruleForm = page.getByRole('form', { name: t['exch.change.rule'] });
  await ruleForm.getByLabel(t['exch.change.bloc']).selectOption('SLV+USA');
  await ruleForm.getByLabel(t['exch.change.ratio']).fill('0.5');
  await ruleForm.getByRole('button', { name: t['exch.change.ruleSubmit'] }).click();
  await expect(ruleForm.getByText(t['exch.change.stale'])).toBeVisible();
  await expect(ruleForm.getByLabel(t['exch.change.ratio'])).toHaveValue('0.5');
  expect(canjeJson<Shown>('xc_med', ['exchange', 'show', id]).blocs[0].rule.kind).toBe('none');
  await expectAccessible(page, 'the exchange page with a change refused as stale (es)');
  await ruleForm.getByRole('button', { name: t['exch.change.reload'] }).click();
  await expect(page.getByRole('row', { name: /SLV\+USA/ }).getByText('SLV, USA')).toBeVisible();
  await expect(ruleForm.getByLabel(t['exch.change.ratio'])).toHaveValue('0.5');
  await ruleForm.getByRole('button', { name: t['exch.change.ruleSubmit'] }).click();
  await expect(ruleForm.getByText(t['exch.change.stale'])).toHaveCount(0);
  await expect.poll(() => canjeJson<Shown>('xc_med', ['exchange', 'show', id]).blocs[0].rule).toEqual({ kind: 'count', ratio: 0.5 });
  await keepScreenshot(page, testInfo, 'exchange-changes-es');
});

test('en: a negotiator claims a person for its own party only, then proposes in numbers and tables the draft', async ({ page }) => {
  const t = dictionaries.en;
  const id = newExchange(`claims-${Date.now()}`);
  canjeText(['--as', 'xc_med', 'exchange', 'party', 'add', id, 'SLV', '--bloc', 'SLV']);
  canjeText(['--as', 'xc_med', 'exchange', 'party', 'add', id, 'VEN', '--bloc', 'VEN']);
  const [person] = canjeJson<{ id: string }[]>('xc_ven', ['persons', '--holder', 'SLV', '--limit', '1']);
  await openExchange(page, 'en', 'xc_ven', id);
  await expect(page.getByRole('form', { name: t['exch.change.party'] })).toHaveCount(0);  // a mediator's change
  const claimForm = page.getByRole('form', { name: t['exch.change.claim'] });
  await expect(claimForm.getByLabel(t['exch.claims.by'])).toHaveValue('VEN');
  await expect(claimForm.getByLabel(t['exch.claims.by'])).toBeDisabled();
  await claimForm.getByLabel(t['exch.change.claimPerson']).fill('Q17');
  await claimForm.getByRole('button', { name: t['exch.change.claimSubmit'] }).click();
  await expect(claimForm.getByRole('alert')).toBeVisible();
  await expect(claimForm.getByLabel(t['exch.change.claimPerson'])).toHaveValue('Q17');
  await expect(claimForm.getByLabel(t['exch.change.claimPerson'])).toHaveAttribute('aria-invalid', 'true');
  await claimForm.getByLabel(t['exch.change.claimPerson']).fill(person.id);
  await claimForm.getByLabel(t['exch.claims.value']).fill('3');
  await claimForm.getByRole('button', { name: t['exch.change.claimSubmit'] }).click();
  await expect(page.locator('section[aria-labelledby="exch-claims-heading"]')).toContainText(person.id);
  const shown = canjeJson<Shown>('xc_med', ['exchange', 'show', id]);
  expect(shown.claims).toEqual([expect.objectContaining({ claimant: 'VEN', person: person.id })]);

  // A first proposal in numbers: nothing typed is stopped by the form; then two each way, opened
  // as a draft in the timeline, and tabled by its own party.
  const draft = page.getByRole('form', { name: t['exch.new'] });
  await draft.getByRole('button', { name: t['exch.new.submit'] }).click();
  await expect(draft.getByText(t['exch.new.empty'])).toBeVisible();
  expect(canjeJson<unknown[]>('xc_med', ['proposal', 'list', id])).toEqual([]);
  await draft.getByLabel('SLV → VEN').fill('2');
  await draft.getByLabel('VEN → SLV').fill('2');
  await draft.getByRole('button', { name: t['exch.new.submit'] }).click();
  const versions = () => canjeJson<{ version: string }[]>('xc_med', ['proposal', 'list', id]);
  await expect.poll(() => versions().length).toBe(1);
  const [made] = versions();
  await expect(page).toHaveURL(new RegExp(`#/exchanges/${id}\\?v=${made.version}$`));
  await page.getByRole('button', { name: t['exch.table.submit'].replace('{version}', made.version) }).click();
  await expect.poll(() => canjeJson<{ state: string; counts: string }>('xc_med', ['proposal', 'show', made.version]))
    .toMatchObject({ state: 'tabled', counts: 'SLV>VEN=2,VEN>SLV=2' });
  await expectAccessible(page, 'the exchange page of a negotiator (en)');
});
