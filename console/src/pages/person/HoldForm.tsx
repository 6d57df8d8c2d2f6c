// Adding a legal hold that lists this person (POST /v1/holds, for mediators and admins): issuer,
// reference, first and optionally last day in force. The API checks every value (a day that
// does not exist, the last day before the first: 400 pointing at the member); its problem is
// shown next to the form, the member at fault marked, and what was typed stays.
import { postJson } from '../../api/client';
import type { HoldCreated } from '../../api/types';
import { useSubmit } from '../../api/useSubmit';
import { FormField } from '../../components/FormField';
import { ProblemMessage } from '../../components/ProblemMessage';
import { useFields } from '../../components/useFields';
import { useI18n } from '../../i18n';

export function HoldForm({ person, onDone }: { person: string; onDone: (hold: HoldCreated) => void }) {
  const { t } = useI18n();
  const fields = useFields({ issuer: '', reference: '', from: '', until: '' });
  const submit = useSubmit();
  const input = fields.bind;
  const send = async (event: Event) => {
    event.preventDefault();
    const body = { persons: [person], ...fields.filled() };
    const hold = await submit.send((key) => postJson<HoldCreated>('/v1/holds', body, key), body);
    if (hold) {
      fields.reset();
      onDone(hold);
    }
  };
  return (
    <form class="stack action-form" onSubmit={send} aria-label={t('act.hold.add')}>
      <FormField id="hold-issuer" label={t('act.hold.issuer')} hint={t('act.hold.issuerHint')} atFault={submit.field === 'issuer'}>
        {(c) => <input {...c} {...input('issuer')} />}
      </FormField>
      <FormField id="hold-reference" label={t('act.hold.reference')} hint={t('act.hold.referenceHint')} atFault={submit.field === 'reference'}>
        {(c) => <input {...c} {...input('reference')} />}
      </FormField>
      <FormField id="hold-from" label={t('act.hold.from')} atFault={submit.field === 'from'}>
        {(c) => <input {...c} type="date" {...input('from')} />}
      </FormField>
      <FormField id="hold-until" label={t('act.hold.until')} hint={t('act.hold.untilHint')} atFault={submit.field === 'until'}>
        {(c) => <input {...c} type="date" {...input('until')} />}
      </FormField>
      <div class="buttons"><button type="submit" disabled={submit.pending}>{t('act.hold.submit')}</button></div>
      <div aria-live="polite">{submit.error !== null && <ProblemMessage error={submit.error} />}</div>
    </form>
  );
}
