// The execution of an agreed exchange (#/execution/X1): readiness person by person, the
// handovers, each party's count and the reconciliation — for every role as the API lets it read
// them (a delegation reads personal reasons as "not available (confidential)"), with the forms
// of the roles that record: handovers and not travelling (mediators, verifiers), counts
// (negotiators for their own party, the mediator). A print button prints the page without its
// forms; the server's own reconciliation page and CSV are linked.
import { useState } from 'preact/hooks';
import { getJson } from '../api/client';
import type { Actor } from '../api/types';
import { useLoad } from '../api/useLoad';
import { ProblemMessage } from '../components/ProblemMessage';
import { section, SectionBody } from '../components/Section';
import { useI18n } from '../i18n';
import { stateLabel } from './exchange/words';
import { HandoverForm, HandoverList } from './execution/Handovers';
import { NotTravellingForm } from './execution/NotTravellingForm';
import { ReadinessTable } from './execution/Readiness';
import { ReconciliationView } from './execution/Reconciliation';
import { ReportForm } from './execution/ReportForm';
import type { Handover, Readiness, Reconciliation } from './execution/types';

function AskExchange() {
  const { t } = useI18n();
  const [id, setId] = useState('');
  return (
    <form role="search" onSubmit={(e) => { e.preventDefault(); if (id.trim()) location.hash = `#/execution/${id.trim()}`; }}>
      <label for="execution-exchange">{t('exec.askExchange')}</label>
      <input id="execution-exchange" value={id} aria-describedby="execution-exchange-hint"
        onInput={(e) => setId((e.target as HTMLInputElement).value)} />
      <p class="hint" id="execution-exchange-hint">{t('exec.askHint')}</p>
      <button type="submit">{t('exec.open')}</button>
    </form>
  );
}

export function ExecutionPage({ id, actor }: { id: string; actor: Actor }) {
  const { t } = useI18n();
  const [version, setVersion] = useState(0);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const path = `/v1/exchanges/${encodeURIComponent(id)}`;
  const loaded = useLoad(async () => {
    if (!id) return null;
    const readiness = await getJson<Readiness>(`${path}/readiness`);
    const [handovers, reconciliation] = await Promise.all([
      section(getJson<Handover[]>(`${path}/handovers`)),
      section(getJson<Reconciliation>(`${path}/reconciliation`)),
    ]);
    return { readiness, handovers, reconciliation };
  }, [id, version]);
  const reload = () => {
    setSelected(new Set());
    setVersion((v) => v + 1);
  };

  if (!id) return <><h1>{t('nav.execution')}</h1><AskExchange /></>;
  if (loaded.error) return <><h1>{t('nav.execution')}</h1><ProblemMessage error={loaded.error} /><AskExchange /></>;
  if (!loaded.data) return <><h1>{t('nav.execution')}</h1><p>{t('common.loading')}</p></>;
  const { readiness, handovers, reconciliation } = loaded.data;
  const state = readiness.state;
  const records = actor.role === 'mediator' || actor.role === 'verifier';
  const reports = actor.role === 'mediator' || actor.role === 'negotiator';
  const directions = [...new Set(readiness.persons.map((p) => `${p.from}>${p.to}`))];
  const parties = [...new Set(readiness.persons.flatMap((p) => [p.from, p.to]))].sort();
  const toggle = (person: string) => setSelected((current) => {
    const next = new Set(current);
    if (next.has(person)) next.delete(person); else next.add(person);
    return next;
  });

  return (
    <>
      <h1>{t('exec.title', { exchange: readiness.exchange, name: readiness.name })}</h1>
      <p>{t('exec.intro', { version: readiness.agreed_version, state: stateLabel(t, state) })}</p>
      <p class="no-print"><button type="button" class="secondary" onClick={() => print()}>{t('exec.print')}</button></p>
      <ReadinessTable readiness={readiness} selectable={records && state === 'executing'} selected={selected} onToggle={toggle} />
      {records && state === 'executing' && (
        <HandoverForm exchange={readiness.exchange} selected={readiness.persons.filter((p) => selected.has(p.person))} onRecorded={reload} />
      )}
      {records && (state === 'verifying' || state === 'executing') && (
        <NotTravellingForm exchange={readiness.exchange} persons={readiness.persons} onRecorded={reload} />
      )}
      <SectionBody section={handovers}>{(value) => <HandoverList handovers={value} />}</SectionBody>
      {reports && (state === 'executing' || state === 'completed') && (
        <ReportForm exchange={readiness.exchange} actor={actor} parties={parties} directions={directions} onRecorded={reload} />
      )}
      <SectionBody section={reconciliation}>{(value) => <ReconciliationView reconciliation={value} />}</SectionBody>
    </>
  );
}
