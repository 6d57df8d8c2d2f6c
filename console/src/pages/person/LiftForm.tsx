// Lifting a hold (POST /v1/holds/{id}/lift, for mediators and admins): the reason (required by
// the API, and logged) and the day it ends (today when left empty). A refusal (409: lifted
// already) is shown next to the form; what was typed stays.
import { useEffect, useRef, useState } from 'preact/hooks';
import { postJson } from '../../api/client';
import type { Hold } from '../../api/types';
import { useSubmit } from '../../api/useSubmit';
import { FormField } from '../../components/FormField';
import { ProblemMessage } from '../../components/ProblemMessage';
import { useI18n } from '../../i18n';

export function LiftForm({ hold, onDone, onCancel }: { hold: string; onDone: () => void; onCancel: () => void }) {
  const { t } = useI18n();
  const [reason, setReason] = useState('');
  const [day, setDay] = useState('');
  const submit = useSubmit();
  // Opened by the hold's Lift button: the keyboard goes on in the reason field.
  const reasonField = useRef<HTMLTextAreaElement>(null);
  useEffect(() => reasonField.current?.focus(), []);
  const send = async (event: Event) => {
    event.preventDefault();
    const body: Record<string, string> = {};
    if (reason.trim()) body.reason = reason.trim();
    if (day) body.lifted_on = day;
    const lifted = await submit.send((key) => postJson<Hold>(`/v1/holds/${encodeURIComponent(hold)}/lift`, body, key), [hold, body]);
    if (lifted) onDone();
  };
  return (
    <form class="stack action-form" onSubmit={send} aria-labelledby="lift-form-heading">
      <h3 id="lift-form-heading">{t('act.lift.title', { hold })}</h3>
      <FormField id="lift-reason" label={t('act.lift.reason')} hint={t('act.lift.reasonHint')} atFault={submit.field === 'reason'}>
        {(c) => <textarea {...c} ref={reasonField} rows={2} value={reason} onInput={(e) => setReason((e.currentTarget as HTMLTextAreaElement).value)} />}
      </FormField>
      <FormField id="lift-day" label={t('act.lift.day')} hint={t('act.lift.dayHint')} atFault={submit.field === 'lifted_on'}>
        {(c) => <input {...c} type="date" value={day} onInput={(e) => setDay((e.currentTarget as HTMLInputElement).value)} />}
      </FormField>
      <div class="buttons">
        <button type="submit" disabled={submit.pending}>{t('act.lift.submit', { hold })}</button>
        <button type="button" class="secondary" onClick={onCancel}>{t('act.form.cancel')}</button>
      </div>
      <div aria-live="polite">{submit.error !== null && <ProblemMessage error={submit.error} />}</div>
    </form>
  );
}
