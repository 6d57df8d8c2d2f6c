// The execution of an agreed exchange (#/execution/X1): readiness person by person, the
// handovers, each party's count and the reconciliation — for every role as the API lets it read
// them (a delegation reads personal reasons as "not available (confidential)"), with the forms
// of the roles that record: handovers and not travelling (mediators, verifiers), counts
// (negotiators for their own party, the mediator). A print button prints the page without its
// forms; the server's own reconciliation page and CSV are linked. An exchange executed in
// stages lists them (execution/StageList.tsx); with a stage chosen (#/execution/X1?stage=2) the
// readiness and the count are of that stage's persons alone, and the mediator
// plans, fills, starts, completes and postpones stages from here (execution/StageControls.tsx).
import { useState } from 'preact/hooks';
import { getJson } from '../api/client';
import type { Actor, Stage } from '../api/types';
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
import { unstaged } from './execution/PersonPicker';
import { StageAddForm } from './execution/StageAddForm';
import { StageControls } from './execution/StageControls';
import { StageDetails } from './execution/StageDetails';
import { StageList } from './execution/StageList';
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

// The API lets the mediator alone move stages (the right to move the exchange; not an admin).
const plansStages = new Set(['mediator']);
const stagesPlanned = new Set(['agreed', 'verifying', 'executing']);

export function ExecutionPage({ id, stage, actor }: { id: string; stage: string; actor: Actor }) {
  const { t } = useI18n();
  const [version, setVersion] = useState(0);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  // What the last stage move did, said only on the page of the stage it is about.
  const [said, setSaid] = useState({ stage: '', text: '' });
  const path = `/v1/exchanges/${encodeURIComponent(id)}`;
  const ofStage = stage ? `?stage=${stage}` : '';
  const loaded = useLoad(async () => {
    if (!id) return null;
    const [whole, shown] = await Promise.all([
      getJson<Readiness>(`${path}/readiness`),
      stage ? getJson<Stage>(`${path}/stages/${stage}`) : Promise.resolve(null),
    ]);
    const [handovers, reconciliation, stages, readiness] = await Promise.all([
      section(getJson<Handover[]>(`${path}/handovers`)),
      section(getJson<Reconciliation>(`${path}/reconciliation${ofStage}`)),
      section(getJson<Stage[]>(`${path}/stages`)),
      stage ? getJson<Readiness>(`${path}/readiness${ofStage}`) : Promise.resolve(whole),
    ]);
    return { stage, whole, shown, readiness, handovers, reconciliation, stages };
  }, [id, stage, version]);
  const reload = () => {
    setSelected(new Set());
    setVersion((v) => v + 1);
  };
  const stageChanged = (sentence: string) => {
    setSaid({ stage, text: sentence });
    reload();
  };

  if (!id) return <><h1>{t('nav.execution')}</h1><AskExchange /></>;
  if (loaded.error) return <><h1>{t('nav.execution')}</h1><ProblemMessage error={loaded.error} /><AskExchange /></>;
  // Another stage's answers while the one asked for loads are not shown as if they were its own.
  if (!loaded.data || loaded.data.stage !== stage) return <><h1>{t('nav.execution')}</h1><p>{t('common.loading')}</p><p role="status" class="status">{said.stage === stage ? said.text : ''}</p></>;
  const { whole, shown, readiness, handovers, reconciliation, stages } = loaded.data;
  const state = readiness.state;
  const plans = plansStages.has(actor.role) && stagesPlanned.has(state);
  const staged = new Set(stages.ok ? stages.value.flatMap((s) => s.persons.map((p) => p.person)) : []);
  const open = unstaged(whole.persons, staged);
  // The handovers of the stage's persons alone when a stage is shown (the API lists the exchange's).
  const inStage = shown ? new Set(shown.persons.map((p) => p.person)) : null;
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
      <p role="status" class="status" data-testid="stage-status">{said.stage === stage ? said.text : ''}</p>
      <SectionBody section={stages}>{(value) => <StageList exchange={readiness.exchange} stages={value} current={stage} />}</SectionBody>
      {plans && stages.ok && <StageAddForm exchange={readiness.exchange} open={open}
        onAdded={(added) => { setSaid({ stage: String(added.stage), text: t('stg.add.done', { n: added.stage, name: added.name }) }); location.hash = `#/execution/${added.exchange}?stage=${added.stage}`; }} />}
      {shown && <StageDetails stage={shown} />}
      {shown && plans && <StageControls key={shown.stage} stage={shown} open={open} onChanged={stageChanged} />}
      <ReadinessTable readiness={readiness} selectable={records && state === 'executing'} selected={selected} onToggle={toggle} />
      {records && state === 'executing' && (
        <HandoverForm exchange={readiness.exchange} selected={readiness.persons.filter((p) => selected.has(p.person))} onRecorded={reload} />
      )}
      {records && (state === 'verifying' || state === 'executing') && (
        <NotTravellingForm exchange={readiness.exchange} persons={readiness.persons} onRecorded={reload} />
      )}
      <SectionBody section={handovers}>{(value) => <HandoverList handovers={inStage ? value.filter((h) => inStage.has(h.person)) : value} />}</SectionBody>
      {reports && (state === 'executing' || state === 'completed') && (
        <ReportForm exchange={readiness.exchange} actor={actor} parties={parties} directions={directions} onRecorded={reload} />
      )}
      <SectionBody section={reconciliation}>{(value) => <ReconciliationView reconciliation={value} />}</SectionBody>
    </>
  );
}
