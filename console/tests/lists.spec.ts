// The lists page (#/lists): the imported lists with their hashes, and importing a list file in
// two steps — a check (dry run) that lists every bad row, then the import, refused while the
// file has problems. Checked against the store with `canje lists`.
import { expect, test, type Page } from '@playwright/test';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { canjeJson, dictionaries, expectAccessible, fixture, keepScreenshot, openInLanguage, signIn } from './fixture';

interface ListJson { id: string; file_name: string; file_sha256: string; party: string; kind: string; records: number; source: string }

// A synthetic claim list; `bad` puts an ambiguous date on line 3 (column 4) and a country name
// instead of a code on line 6 (column 5).
function claimList(bad: boolean): string {
  const rows = [
    ['id', 'nombres', 'apellidos', 'fecha_nacimiento', 'nacionalidad'],
    ['S-1', 'Aurelia Prueba', 'Sintética Uno', '1971-05-02', 'VEN'],
    ['S-2', 'Baltasar Ensayo', 'Ficticio Dos', bad ? '03/04/1990' : '1990-04-03', 'VEN'],
    ['S-3', 'Celestina Muestra', 'Inventada Tres', '1984-11-30', 'VEN|COL'],
    ['S-4', 'Dámaso Ejemplo', 'Supuesto Cuatro', '1966-01-17', 'VEN'],
    ['S-5', 'Eulalia Simulada', 'Imaginaria Cinco', '1993-08-09', bad ? 'Venezuela' : 'VEN'],
    ['S-6', 'Fabián Modelo', 'Ficción Seis', '1979-02-28', 'VEN'],
  ];
  return rows.map((row) => row.join(',')).join('\n') + '\n';
}

// Drops a file on the drop zone as a browser does when a file is dragged from the desktop.
async function dropFile(page: Page, name: string, text: string) {
  const transfer = await page.evaluateHandle(([fileName, content]) => {
    const data = new DataTransfer();
    data.items.add(new File([content], fileName, { type: 'text/csv' }));
    return data;
  }, [name, text]);
  await page.getByTestId('dropzone').dispatchEvent('dragover', { dataTransfer: transfer });
  await page.getByTestId('dropzone').dispatchEvent('drop', { dataTransfer: transfer });
}

test('a mediator checks a list with two bad rows, cannot import it, and imports the corrected file', async ({ page }, testInfo) => {
  const { users } = fixture();
  const es = dictionaries.es;
  const en = dictionaries.en;
  await openInLanguage(page, 'es');
  await signIn(page, 'es', users.act_lists);
  const before = canjeJson<ListJson[]>('act_lists', ['lists']);

  await page.getByRole('link', { name: es['act.nav.lists'] }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(es['act.lists.title']);
  // Every list of the store, with its file's SHA-256 as `canje lists` gives it.
  await expect(page.getByRole('region', { name: es['act.lists.imported'] })).toBeVisible();
  const table = page.locator('section.lists tbody tr');
  await expect(table).toHaveCount(before.length);
  await expect(table.first()).toContainText(before[0].file_sha256);
  await expect(table.first()).toContainText('lista de custodia');
  await expect(table.first()).toContainText(es['act.lists.status.current']);

  // The form: kind, source and party; the file dropped on the drop zone.
  const importButton = page.getByRole('button', { name: es['act.import.import'], exact: true });
  const blocked = page.getByTestId('import-blocked');
  await expect(importButton).toBeDisabled();
  await expect(blocked).toHaveText(es['act.import.needFile']);
  await page.getByLabel(es['act.import.kind']).selectOption('claim_list');
  await page.getByLabel(es['act.import.source']).fill('Lista sintética de reclamo, prueba de la consola');
  await page.getByLabel(es['act.import.party']).selectOption('VEN');
  await dropFile(page, 'reclamo.csv', claimList(true));
  await expect(page.getByTestId('dropzone')).toContainText(es['act.import.chosen'].replace('{name}', 'reclamo.csv').replace('{size}', String(Buffer.byteLength(claimList(true)))));
  await expect(blocked).toHaveText(es['act.import.needCheck']);
  await expect(importButton).toBeDisabled();

  // The check: both bad rows with line, column, column name and reason; nothing written.
  await page.getByRole('button', { name: es['act.import.check'] }).click();
  const problems = page.getByTestId('import-report');
  await expect(problems).toContainText(es['act.import.problems'].replace('{count}', '2').replace('{rejected}', '2').replace('{rows}', '6'));
  const errorRows = problems.locator('tbody tr');
  await expect(errorRows).toHaveCount(2);
  await expect(errorRows.nth(0).locator('td')).toHaveText(['3', '4', 'fecha_nacimiento', /ambiguous date '03\/04\/1990'/]);
  await expect(errorRows.nth(1).locator('td')).toHaveText(['6', '5', 'nacionalidad', /'Venezuela' is a country name.*VEN/]);
  await expect(importButton).toBeDisabled();
  await expect(blocked).toHaveText(es['act.import.hasErrors'].replace('{count}', '2'));
  expect(canjeJson<ListJson[]>('act_lists', ['lists'])).toHaveLength(before.length);
  await expectAccessible(page, 'the lists page with a check\'s problems (es)');
  await keepScreenshot(page, testInfo, 'lists-1-check-problems-es');

  // The same page in English: the form's words and the report's headers follow.
  await page.getByLabel(es['lang.label']).selectOption('en');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(en['act.lists.title']);
  await expect(blocked).toHaveText(en['act.import.hasErrors'].replace('{count}', '2'));
  await expect(problems.locator('thead th')).toHaveText([en['act.import.line'], en['act.import.column'], en['act.import.columnName'], en['act.import.reason']]);
  await expectAccessible(page, 'the lists page with a check\'s problems (en)');

  // The corrected file, chosen with the file field (the keyboard's way): checked, then imported.
  await page.getByLabel(en['act.import.file']).setInputFiles({ name: 'reclamo.csv', mimeType: 'text/csv', buffer: Buffer.from(claimList(false)) });
  await expect(blocked).toHaveText(en['act.import.needCheck']);
  await page.getByRole('button', { name: en['act.import.check'] }).click();
  await expect(page.getByRole('status').filter({ hasText: en['act.import.clean'].replace('{rows}', '6') })).toBeVisible();
  await expect(blocked).toHaveText('');
  const importNow = page.getByRole('button', { name: en['act.import.import'], exact: true });
  await expect(importNow).toBeEnabled();
  await importNow.click();
  const done = page.getByRole('status').filter({ hasText: /list L\d+/ });
  await expect(done).toBeVisible();

  // The store has the new list, whole; the page lists it with the same hash.
  const after = canjeJson<ListJson[]>('act_lists', ['lists']);
  expect(after).toHaveLength(before.length + 1);
  const added = after.find((l) => !before.some((b) => b.id === l.id))!;
  expect(added).toMatchObject({ file_name: 'reclamo.csv', party: 'VEN', kind: 'claim_list', records: 6 });
  await expect(done).toHaveText(en['act.import.done'].replace('{list}', added.id).replace('{rows}', '6'));
  await expect(table).toHaveCount(before.length + 1);
  const row = table.filter({ has: page.locator('th', { hasText: new RegExp(`^${added.id}$`) }) });
  await expect(row).toContainText(added.file_sha256);
  await expect(row).toContainText('claim list');
  await expectAccessible(page, 'the lists page after an import (en)');
  await keepScreenshot(page, testInfo, 'lists-2-imported-en');

  // A later version of the same list (same kind, source and party), imported with the command
  // line, supersedes it: the page says so after a reload.
  const later = testInfo.outputPath('reclamo-v2.csv');
  mkdirSync(path.dirname(later), { recursive: true });
  writeFileSync(later, claimList(false).replace('Fabián Modelo', 'Fabián Modelo Segundo'));
  canjeJson('act_lists', ['import', later, '--kind', 'claim_list', '--source', 'Lista sintética de reclamo, prueba de la consola', '--party', 'VEN']);
  await page.reload();
  await expect(row).toContainText(en['act.lists.status.superseded']);
  await expect(table.last()).toContainText(en['act.lists.status.current']);
});
