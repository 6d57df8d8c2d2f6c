// The exchanges the user may see (GET /v1/exchanges: a negotiator, those its party is in), each
// with its workflow state (GET /v1/exchanges/{id}/workflow: the list does not carry it), and, for
// a mediator or an admin, the form that creates one (POST /v1/exchanges). A refused creation
// keeps the name and the mediating party as typed.
import { useState } from 'preact/hooks';
import { getJson, getPage, postJson } from '../api/client';
import type { Actor, ExchangeInfo, Party, Workflow } from '../api/types';
import { useLoad } from '../api/useLoad';
import { ProblemMessage } from '../components/ProblemMessage';
import { section, SectionBody } from '../components/Section';
import { Table } from '../components/Table';
import { useI18n } from '../i18n';
import { StateWord } from './exchange/words';

interface Row { exchange: ExchangeInfo; state: string | null }

async function loadExchanges(): Promise<Row[]> {
  const list = await getPage<ExchangeInfo[]>('/v1/exchanges?limit=1000');
  return Promise.all(list.items.map(async (exchange) => {
    try {
      const workflow = await getJson<Workflow>(`/v1/exchanges/${exchange.id}/workflow`);
      return { exchange, state: workflow.state };
    } catch {
      return { exchange, state: null };
    }
  }));
}

export function Exchanges({ actor }: { actor: Actor }) {
  const { t, date } = useI18n();
  const [reload, setReload] = useState(0);
  const [created, setCreated] = useState<string | null>(null);
  const loaded = useLoad(async () => section(loadExchanges()), [reload]);
  const mayCreate = actor.role === 'mediator' || actor.role === 'admin';
  return (
    <>
      <h1>{t('exch.list.title')}</h1>
      <div role="status" class="status">{created && t('exch.create.done', { id: created })}</div>
      {loaded.error && <ProblemMessage error={loaded.error} />}
      {!loaded.data ? <p>{t('common.loading')}</p> : (
        <SectionBody section={loaded.data}>{(rows) => rows.length === 0 ? <p class="muted">{t('exch.list.none')}</p> : (
          <Table rows={rows} rowKey={(row) => row.exchange.id} rowHeader columns={[
            { label: t('exch.list.exchange'), cell: (row) => <a href={`#/exchanges/${row.exchange.id}`}>{row.exchange.id} · {row.exchange.name}</a> },
            { label: t('exch.list.state'), cell: (row) => (row.state ? <StateWord state={row.state} /> : '—') },
            { label: t('exch.list.mediator'), cell: (row) => row.exchange.mediator },
            { label: t('exch.list.created'), cell: (row) => `${date(row.exchange.created_at)} · ${row.exchange.created_by}` },
          ]} />
        )}</SectionBody>
      )}
      {mayCreate && <CreateExchange party={actor.party} onCreated={(id) => { setCreated(id); setReload((n) => n + 1); }} />}
    </>
  );
}

function CreateExchange({ party, onCreated }: { party: string; onCreated: (id: string) => void }) {
  const { t } = useI18n();
  const [name, setName] = useState('');
  const [mediator, setMediator] = useState(party);
  const [missing, setMissing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const parties = useLoad(() => section(getJson<Party[]>('/v1/parties')), []);
  const submit = async (event: Event) => {
    event.preventDefault();
    setError(null);
    if (!name.trim()) {
      setMissing(true);
      document.getElementById('exch-new-name')?.focus();
      return;
    }
    setMissing(false);
    setBusy(true);
    try {
      const made = await postJson<{ id: string }>('/v1/exchanges', { name: name.trim(), mediator });
      setName('');
      onCreated(made.id);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };
  const choices = parties.data?.ok ? parties.data.value : [{ code: party, name: party, kind: '' }];
  return (
    <section aria-labelledby="exch-new-heading">
      <h2 id="exch-new-heading">{t('exch.create.title')}</h2>
      <form class="decision" noValidate onSubmit={submit}>
        <label for="exch-new-name">{t('exch.create.name')}</label>
        <input id="exch-new-name" value={name} aria-required="true" aria-invalid={missing ? 'true' : undefined}
          aria-describedby={missing ? 'exch-new-name-missing' : undefined}
          onInput={(event) => setName((event.target as HTMLInputElement).value)} />
        {missing && <p class="field-error" id="exch-new-name-missing">{t('exch.create.nameMissing')}</p>}
        <label for="exch-new-mediator">{t('exch.create.mediator')}</label>
        <select id="exch-new-mediator" value={mediator} onChange={(event) => setMediator((event.target as HTMLSelectElement).value)}>
          {choices.map((p) => <option key={p.code} value={p.code}>{p.code} · {p.name}</option>)}
        </select>
        {error !== null && <ProblemMessage error={error} />}
        <div class="buttons"><button type="submit" disabled={busy}>{t('exch.create.submit')}</button></div>
      </form>
    </section>
  );
}
