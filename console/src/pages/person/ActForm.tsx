// Recording a legal act concerning this person (POST /v1/acts, for mediators and admins): its
// type, day, authority, reference and the legal status after release. Refusals point at their
// member (/type, /date, /person); the problem is shown next to the form, which keeps its input.
import { postJson } from '../../api/client';
import type { ActRecorded } from '../../api/types';
import { useSubmit } from '../../api/useSubmit';
import { FormField } from '../../components/FormField';
import { ProblemMessage } from '../../components/ProblemMessage';
import { useFields } from '../../components/useFields';
import { useI18n, type MessageKey } from '../../i18n';

export const actTypes = ['pardon', 'commutation', 'charges_dropped', 'alternative_measures', 'expulsion_order'] as const;
export const actTypeKey = (type: string) => `act.legal.type.${type}` as MessageKey;

const empty = { type: '', date: '', authority: '', reference: '', status_after: '' };

export function ActForm({ person, onDone }: { person: string; onDone: (act: ActRecorded) => void }) {
  const { t } = useI18n();
  const fields = useFields(empty);
  const submit = useSubmit();
  const input = fields.bind;
  const send = async (event: Event) => {
    event.preventDefault();
    const body = { person, ...fields.filled() };
    const act = await submit.send((key) => postJson<ActRecorded>('/v1/acts', body, key), body);
    if (act) {
      fields.reset();
      onDone(act);
    }
  };
  return (
    <form class="stack action-form" onSubmit={send} aria-label={t('act.legal.add')}>
      <FormField id="act-type" label={t('act.legal.type')} atFault={submit.field === 'type'}>{(c) => (
        <select {...c} value={fields.values.type} onChange={(e) => fields.set({ type: (e.currentTarget as HTMLSelectElement).value })}>
          <option value="">{t('act.form.choose')}</option>
          {actTypes.map((type) => <option key={type} value={type}>{t(actTypeKey(type))}</option>)}
        </select>
      )}</FormField>
      <FormField id="act-date" label={t('act.legal.date')} atFault={submit.field === 'date'}>
        {(c) => <input {...c} type="date" {...input('date')} />}
      </FormField>
      <FormField id="act-authority" label={t('act.legal.authority')} atFault={submit.field === 'authority'}>
        {(c) => <input {...c} {...input('authority')} />}
      </FormField>
      <FormField id="act-reference" label={t('act.legal.reference')} atFault={submit.field === 'reference'}>
        {(c) => <input {...c} {...input('reference')} />}
      </FormField>
      <FormField id="act-status" label={t('act.legal.statusAfter')} hint={t('act.legal.statusAfterHint')} atFault={submit.field === 'status_after'}>
        {(c) => <input {...c} {...input('status_after')} />}
      </FormField>
      <div class="buttons"><button type="submit" disabled={submit.pending}>{t('act.legal.submit')}</button></div>
      <div aria-live="polite">{submit.error !== null && <ProblemMessage error={submit.error} />}</div>
    </form>
  );
}
