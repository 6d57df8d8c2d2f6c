// Importing a list file (POST /v1/lists; docs/api.md and docs/formats.md): the file dropped on
// the drop zone or chosen with the file field, its kind, source and party (a negotiator's or
// verifier's own party only; the API refuses another), then two steps. "Check the file" sends it with
// dry_run=true: nothing is written, and every bad row is listed with its line, column and
// reason. "Import" is allowed only after a check of this very file with these very options
// found no problem — the button says why otherwise — and lands the whole file or nothing.
import { useState } from 'preact/hooks';
import { ApiError, postJson } from '../../api/client';
import type { Actor, ImportReport, Party } from '../../api/types';
import { useSubmit } from '../../api/useSubmit';
import { FormField } from '../../components/FormField';
import { ProblemMessage } from '../../components/ProblemMessage';
import { useI18n } from '../../i18n';
import { term } from '../../i18n/terms';
import { ImportErrors } from './ImportErrors';

const kinds = ['custody_roster', 'claim_list', 'documentation_list', 'transfer_manifest'];

interface Options { kind: string; source: string; party: string; holder: string; dateOrder: string }

function target(options: Options, file: File, dryRun: boolean): string {
  const query = new URLSearchParams({ kind: options.kind, source: options.source, file_name: file.name });
  if (options.party) query.set('party', options.party);
  if (options.holder) query.set('holder', options.holder);
  if (options.dateOrder) query.set('date_order', options.dateOrder);
  if (dryRun) query.set('dry_run', 'true');
  return `/v1/lists?${query}`;
}

// What the check was made for: the file (name, size, time) and the options.
function signature(options: Options, file: File | null): string {
  return file ? JSON.stringify([file.name, file.size, file.lastModified, options]) : '';
}

// Sends the file; a refused file's problem (422) carries the report's fields, and is answered
// as the report it is.
async function send(path: string, file: File, key: string): Promise<ImportReport> {
  const contentType = /\.json$/i.test(file.name) ? 'application/json' : 'text/csv';
  try {
    return await postJson<ImportReport>(path, { raw: file, contentType }, key);
  } catch (error) {
    const body = error instanceof ApiError ? (error.problem as unknown as Partial<ImportReport>) : {};
    if (Array.isArray(body.errors) && typeof body.error_count === 'number') return body as ImportReport;
    throw error;
  }
}

export function ImportForm({ actor, parties, onImported }: {
  actor: Actor; parties: Party[]; onImported: (list: string) => void;
}) {
  const { t, number, lang } = useI18n();
  const mayChooseParty = actor.role === 'admin' || actor.role === 'mediator';
  const [file, setFile] = useState<File | null>(null);
  const [options, setOptions] = useState<Options>({ kind: '', source: '', party: actor.party, holder: '', dateOrder: '' });
  const [checked, setChecked] = useState<{ for: string; report: ImportReport } | null>(null);
  const [imported, setImported] = useState<ImportReport | null>(null);
  const [dragging, setDragging] = useState(false);
  const [inputKey, setInputKey] = useState(0); // a new file field after an import
  const submit = useSubmit();
  const set = (change: Partial<Options>) => setOptions((o) => ({ ...o, ...change }));

  const choose = (chosen: File | undefined | null) => {
    if (!chosen) return;
    setFile(chosen);
    setImported(null);
    submit.clear();
  };
  const current = signature(options, file);
  const report = checked && checked.for === current ? checked.report : null;

  const check = async (event: Event) => {
    event.preventDefault();
    if (!file) return;
    setImported(null);
    const sentFor = current;
    const answer = await submit.send((key) => send(target(options, file, true), file, key), ['check', sentFor]);
    if (answer) setChecked({ for: sentFor, report: answer });
  };
  const land = async () => {
    if (!file || !report || report.error_count > 0) return;
    const sentFor = current;
    const answer = await submit.send((key) => send(target(options, file, false), file, key), ['import', sentFor]);
    if (answer?.list) {
      setImported(answer);
      setChecked(null);
      setFile(null);
      setInputKey((k) => k + 1);
      onImported(answer.list);
    } else if (answer) {
      setChecked({ for: sentFor, report: answer }); // refused after all: the rows at fault
    }
  };

  let blocked = '';
  if (!file) blocked = t('act.import.needFile');
  else if (!report) blocked = t('act.import.needCheck');
  else if (report.error_count > 0) blocked = t('act.import.hasErrors', { count: report.error_count });

  return (
    <section aria-labelledby="import-heading" class="import">
      <h2 id="import-heading">{t('act.import.title')}</h2>
      <p class="hint">{t('act.import.intro')}</p>
      <form onSubmit={check} class="stack">
        <div class={`dropzone${dragging ? ' dragging' : ''}`} data-testid="dropzone"
          onDragOver={(e) => { e.preventDefault(); setDragging(true); }}
          onDragLeave={() => setDragging(false)}
          onDrop={(e) => { e.preventDefault(); setDragging(false); choose(e.dataTransfer?.files?.[0]); }}>
          <p>{t('act.import.drop')}</p>
          <label for="import-file">{t('act.import.file')}</label>
          <input key={inputKey} id="import-file" type="file" accept=".csv,.json,text/csv,application/json"
            onChange={(e) => choose((e.currentTarget as HTMLInputElement).files?.[0])} />
          <p class="chosen" aria-live="polite">{file
            ? t('act.import.chosen', { name: file.name, size: number(file.size) })
            : t('act.import.noneChosen')}</p>
        </div>
        <FormField id="import-kind" label={t('act.import.kind')} atFault={submit.field === 'kind'}>{(c) => (
          <select {...c} required value={options.kind} onChange={(e) => set({ kind: (e.currentTarget as HTMLSelectElement).value })}>
            <option value="">{t('act.form.choose')}</option>
            {kinds.map((k) => <option key={k} value={k}>{term(lang, k)}</option>)}
          </select>
        )}</FormField>
        <FormField id="import-source" label={t('act.import.source')} hint={t('act.import.sourceHint')} atFault={submit.field === 'source'}>{(c) => (
          <input {...c} required value={options.source} onInput={(e) => set({ source: (e.currentTarget as HTMLInputElement).value })} />
        )}</FormField>
        <FormField id="import-party" label={t('act.import.party')} hint={mayChooseParty ? undefined : t('act.import.ownParty')} atFault={submit.field === 'party'}>{(c) => (
          <select {...c} value={options.party} disabled={!mayChooseParty} onChange={(e) => set({ party: (e.currentTarget as HTMLSelectElement).value })}>
            {(parties.length ? parties : [{ code: actor.party, name: actor.party, kind: '' }]).map((p) => (
              <option key={p.code} value={p.code}>{`${p.code} — ${p.name}`}</option>
            ))}
          </select>
        )}</FormField>
        <FormField id="import-holder" label={t('act.import.holder')} hint={t('act.import.holderHint')} atFault={submit.field === 'holder'}>{(c) => (
          <select {...c} value={options.holder} onChange={(e) => set({ holder: (e.currentTarget as HTMLSelectElement).value })}>
            <option value="">{t('act.import.holderNone')}</option>
            {parties.map((p) => <option key={p.code} value={p.code}>{`${p.code} — ${p.name}`}</option>)}
          </select>
        )}</FormField>
        <FormField id="import-dates" label={t('act.import.dateOrder')} hint={t('act.import.dateOrderHint')} atFault={submit.field === 'date_order'}>{(c) => (
          <select {...c} value={options.dateOrder} onChange={(e) => set({ dateOrder: (e.currentTarget as HTMLSelectElement).value })}>
            <option value="">{t('act.import.dateOrderNone')}</option>
            <option value="dmy">{t('act.import.dmy')}</option>
            <option value="mdy">{t('act.import.mdy')}</option>
          </select>
        )}</FormField>
        <div class="buttons">
          <button type="submit" disabled={!file || submit.pending}>{t('act.import.check')}</button>
          <button type="button" class="secondary" disabled={blocked !== '' || submit.pending}
            aria-describedby="import-blocked" onClick={land}>{t('act.import.import')}</button>
        </div>
        <p id="import-blocked" class="hint" data-testid="import-blocked">{blocked}</p>
      </form>
      <div aria-live="polite">
        {submit.pending && <p>{t('act.form.sending')}</p>}
        {submit.error !== null && <ProblemMessage error={submit.error} />}
        {imported && (
          <p class="verified" role="status">{t('act.import.done', { list: imported.list!, rows: imported.imported })}</p>
        )}
        {report && <ImportErrors report={report} />}
      </div>
    </section>
  );
}
