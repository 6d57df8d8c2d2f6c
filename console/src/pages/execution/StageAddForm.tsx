// For the mediator while the exchange is agreed, verifying or executing: a new
// stage with its name, day and place, and, if already known, its persons
// (POST /v1/exchanges/{id}/stages). What was typed and chosen stays on any refusal; a stage
// planned opens at once, and the form folds away.
import { useRef, useState } from 'preact/hooks';
import { postJson } from '../../api/client';
import type { Stage } from '../../api/types';
import { useSubmit } from '../../api/useSubmit';
import { FormField } from '../../components/FormField';
import { useFields } from '../../components/useFields';
import { useI18n } from '../../i18n';
import { PersonPicker } from './PersonPicker';
import { StageProblem } from './StageProblem';
import type { ReadinessPerson } from './types';

export function StageAddForm({ exchange, open, onAdded }: {
  exchange: string; open: ReadinessPerson[]; onAdded: (stage: Stage) => void;
}) {
  const { t } = useI18n();
  const fields = useFields({ name: '', date: '', place: '' });
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [missing, setMissing] = useState(false);
  const submit = useSubmit();
  const details = useRef<HTMLDetailsElement>(null);
  const send = async (event: Event) => {
    event.preventDefault();
    const body: Record<string, unknown> = fields.filled();
    if (!body.name || !body.date || !body.place) {
      setMissing(true);
      return;
    }
    setMissing(false);
    // In the order of the agreed version, whatever order they were ticked in.
    const persons = open.map((p) => p.person).filter((p) => chosen.has(p));
    if (persons.length > 0) body.persons = persons;
    const stage = await submit.send((key) => postJson<Stage>(`/v1/exchanges/${exchange}/stages`, body, key), body);
    if (stage) {
      fields.reset();
      setChosen(new Set());
      if (details.current) details.current.open = false;
      onAdded(stage);
    }
  };
  return (
    <details class="action no-print" ref={details}>
      <summary>{t('stg.add.open')}</summary>
      <form class="stack action-form" onSubmit={send} noValidate aria-labelledby="stage-add-heading">
        <h3 id="stage-add-heading">{t('stg.add.heading')}</h3>
        <FormField id="stage-name" label={t('stg.add.name')} hint={t('stg.add.nameHint')} atFault={submit.field === 'name'}>
          {(c) => <input {...c} {...fields.bind('name')} />}
        </FormField>
        <FormField id="stage-date" label={t('stg.add.date')} atFault={submit.field === 'date'}>
          {(c) => <input {...c} type="date" {...fields.bind('date')} />}
        </FormField>
        <FormField id="stage-place" label={t('stg.add.place')} hint={t('stg.add.placeHint')} atFault={submit.field === 'place'}>
          {(c) => <input {...c} {...fields.bind('place')} />}
        </FormField>
        <PersonPicker id="stage-add-persons" legend={t('stg.add.persons')} persons={open} chosen={chosen} onChange={setChosen} />
        {missing && <p class="field-error" role="alert">{t('stg.add.missing')}</p>}
        <div class="buttons"><button type="submit" disabled={submit.pending}>{t('stg.add.submit')}</button></div>
        <div aria-live="polite"><StageProblem action="add" error={submit.error} /></div>
      </form>
    </details>
  );
}
