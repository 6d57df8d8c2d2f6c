// For the mediator, the moves of the stage shown: while it is planned, more
// persons (POST .../stages/{n}/persons), starting it (.../start) and moving it to a later day
// with a reason (.../postpone); once started, completing it (.../complete). The API decides
// whether a move may be made (the exchange's state, every person ready, the signatures): a
// refusal is said in the user's language with the server's reason, and nothing was written.
import { useState } from 'preact/hooks';
import { postJson } from '../../api/client';
import type { Stage } from '../../api/types';
import { useSubmit } from '../../api/useSubmit';
import { FormField } from '../../components/FormField';
import { useFields } from '../../components/useFields';
import { useI18n } from '../../i18n';
import { PersonPicker } from './PersonPicker';
import { StageProblem, type StageAction } from './StageProblem';
import type { ReadinessPerson } from './types';

interface Props { stage: Stage; onChanged: (said: string) => void }

function Move({ stage, action, onChanged }: Props & { action: 'start' | 'complete' }) {
  const { t } = useI18n();
  const submit = useSubmit();
  const label = t(`stg.${action}.submit`, { n: stage.stage });
  const send = async () => {
    const body = {};
    const path = `/v1/exchanges/${stage.exchange}/stages/${stage.stage}/${action}`;
    if (await submit.send((key) => postJson<Stage>(path, body, key), { action, stage: stage.stage })) {
      onChanged(t(`stg.${action}.done`, { n: stage.stage }));
    }
  };
  return (
    <div class="action-form">
      <p class="hint">{t(`stg.${action}.hint`)}</p>
      <button type="button" disabled={submit.pending} onClick={() => void send()}>{label}</button>
      <div aria-live="polite"><StageProblem action={action} error={submit.error} /></div>
    </div>
  );
}

function AssignForm({ stage, open, onChanged }: Props & { open: ReadinessPerson[] }) {
  const { t } = useI18n();
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [missing, setMissing] = useState(false);
  const submit = useSubmit();
  const send = async (event: Event) => {
    event.preventDefault();
    const persons = open.map((p) => p.person).filter((p) => chosen.has(p));
    if (persons.length === 0) {
      setMissing(true);
      return;
    }
    setMissing(false);
    const body = { persons };
    if (await submit.send((key) => postJson<Stage>(`/v1/exchanges/${stage.exchange}/stages/${stage.stage}/persons`, body, key), body)) {
      setChosen(new Set());
      onChanged(t('stg.assign.done', { n: stage.stage, count: persons.length }));
    }
  };
  return (
    <form class="stack action-form" onSubmit={send} noValidate aria-labelledby="stage-assign-heading">
      <h4 id="stage-assign-heading">{t('stg.assign.heading', { n: stage.stage })}</h4>
      <PersonPicker id="stage-assign-persons" legend={t('stg.assign.persons')} persons={open} chosen={chosen} onChange={setChosen} />
      {missing && <p class="field-error" role="alert">{t('stg.assign.missing')}</p>}
      <div class="buttons"><button type="submit" disabled={submit.pending || open.length === 0}>{t('stg.assign.submit', { n: stage.stage })}</button></div>
      <div aria-live="polite"><StageProblem action="assign" error={submit.error} /></div>
    </form>
  );
}

function PostponeForm({ stage, onChanged }: Props) {
  const { t } = useI18n();
  const fields = useFields({ date: '', reason: '' });
  const [missing, setMissing] = useState(false);
  const submit = useSubmit();
  const send = async (event: Event) => {
    event.preventDefault();
    const body = fields.filled();
    if (!body.date || !body.reason) {
      setMissing(true);
      return;
    }
    setMissing(false);
    const path = `/v1/exchanges/${stage.exchange}/stages/${stage.stage}/postpone`;
    if (await submit.send((key) => postJson<Stage>(path, body, key), body)) {
      fields.reset();
      onChanged(t('stg.postpone.done', { n: stage.stage }));
    }
  };
  const action: StageAction = 'postpone';
  return (
    <form class="stack action-form" onSubmit={send} noValidate aria-labelledby="stage-postpone-heading">
      <h4 id="stage-postpone-heading">{t('stg.postpone.heading', { n: stage.stage })}</h4>
      <FormField id="stage-postpone-date" label={t('stg.postpone.date')} hint={t('stg.postpone.dateHint')} atFault={submit.field === 'date'}>
        {(c) => <input {...c} type="date" {...fields.bind('date')} />}
      </FormField>
      <FormField id="stage-postpone-reason" label={t('stg.postpone.reason')} hint={t('stg.postpone.reasonHint')} atFault={submit.field === 'reason'}>
        {(c) => <input {...c} {...fields.bind('reason')} />}
      </FormField>
      {missing && <p class="field-error" role="alert">{t('stg.postpone.missing')}</p>}
      <div class="buttons"><button type="submit" disabled={submit.pending}>{t('stg.postpone.submit', { n: stage.stage })}</button></div>
      <div aria-live="polite"><StageProblem action={action} error={submit.error} /></div>
    </form>
  );
}

export function StageControls({ stage, open, onChanged }: Props & { open: ReadinessPerson[] }) {
  const { t } = useI18n();
  if (stage.state !== 'planned' && stage.state !== 'started') return null;
  return (
    <section aria-labelledby="stage-controls-heading" class="no-print">
      <h3 id="stage-controls-heading">{t('stg.controls', { n: stage.stage })}</h3>
      {stage.state === 'planned' && <>
        <Move stage={stage} action="start" onChanged={onChanged} />
        <AssignForm stage={stage} open={open} onChanged={onChanged} />
        <PostponeForm stage={stage} onChanged={onChanged} />
      </>}
      {stage.state === 'started' && <Move stage={stage} action="complete" onChanged={onChanged} />}
    </section>
  );
}
