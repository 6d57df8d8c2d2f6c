// For mediators and verifiers while the exchange is verifying or executing: a person of the
// agreed version does not travel, and why (POST .../not-travelling). The rules are shown beside
// the reason: a refusal only after the person's own refusal in an interview, and the personal
// reasons read "not available (confidential)" to the delegations. What was typed stays on any
// error.
import { useState } from 'preact/hooks';
import { postJson } from '../../api/client';
import { useSubmit } from '../../api/useSubmit';
import { ProblemMessage } from '../../components/ProblemMessage';
import { useI18n } from '../../i18n';
import { notTravellingReasons, type ReadinessPerson } from './types';
import { reasonWord, who } from './words';

export function NotTravellingForm({ exchange, persons, onRecorded }: {
  exchange: string; persons: ReadinessPerson[]; onRecorded: () => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const [person, setPerson] = useState('');
  const [reason, setReason] = useState('');
  const [note, setNote] = useState('');
  const [missing, setMissing] = useState(false);
  const [recorded, setRecorded] = useState('');
  const { pending: sending, error, send } = useSubmit();
  const open = persons.filter((p) => p.status === 'ready' || p.status === 'blocked');

  const submit = async (event: Event) => {
    event.preventDefault();
    setRecorded('');
    if (!person || !reason) {
      setMissing(true);
      return;
    }
    setMissing(false);
    const body = { person, reason, ...(note.trim() ? { note: note.trim() } : {}) };
    if (await send((key) => postJson(`/v1/exchanges/${exchange}/not-travelling`, body, key), body)) {
      setRecorded(person);
      setPerson('');
      setReason('');
      setNote('');
      onRecorded();
    }
  };

  return (
    <section aria-labelledby="not-travelling-heading" class="no-print">
      <h2 id="not-travelling-heading">{t('exec.notTravelling.heading')}</h2>
      <form class="stacked" onSubmit={submit} noValidate>
        <label for="nt-person">{t('exec.notTravelling.person')}</label>
        <select id="nt-person" value={person} onChange={(e) => setPerson((e.target as HTMLSelectElement).value)}>
          <option value="">{t('exec.notTravelling.choose')}</option>
          {open.map((p) => <option key={p.person} value={p.person}>{who(p.person, p.name)}</option>)}
        </select>
        <label for="nt-reason">{t('exec.notTravelling.reason')}</label>
        <select id="nt-reason" value={reason} aria-describedby="nt-reason-hint"
          onChange={(e) => setReason((e.target as HTMLSelectElement).value)}>
          <option value="">—</option>
          {notTravellingReasons.map((r) => <option key={r} value={r}>{reasonWord(i18n, r)}</option>)}
        </select>
        <p class="hint" id="nt-reason-hint">{t('exec.notTravelling.reasonHint')}</p>
        <label for="nt-note">{t('exec.notTravelling.note')}</label>
        <textarea id="nt-note" rows={2} value={note} onInput={(e) => setNote((e.target as HTMLTextAreaElement).value)} />
        {missing && <p class="field-error" role="alert">{t('exec.notTravelling.missing')}</p>}
        {error !== null && <ProblemMessage error={error} />}
        {recorded && <p class="notice" role="status">{t('exec.notTravelling.recorded', { person: recorded })}</p>}
        <button type="submit" disabled={sending}>{t('exec.notTravelling.submit')}</button>
      </form>
    </section>
  );
}
