// A consent interview (#/persons/P17/interview), recorded by the verifier who held it
// (POST /v1/interviews; docs/holds-and-consent.md). Laid out for a tablet held in portrait:
// one column, large choices to touch. Next to the consent choice, the rules that matter at
// that moment: a refusal cannot be overridden by anyone, only a later interview in which the
// person changes their mind (with a note) replaces it, and neither the refusal nor the note
// ever reaches a negotiator or observer. A refusal by the API (400 pointing at a member, 422
// for a day before the latest interview) is shown next to the form; nothing typed is lost.
// Other roles do not get the form (the API would answer 403).
import { useState } from 'preact/hooks';
import { getJson, postJson } from '../api/client';
import type { Actor, InterviewRecorded, Party, PersonDetails } from '../api/types';
import { useLoad } from '../api/useLoad';
import { useSubmit } from '../api/useSubmit';
import { ChoiceField, FormField } from '../components/FormField';
import { ProblemMessage } from '../components/ProblemMessage';
import { filled } from '../components/useFields';
import { useI18n } from '../i18n';

// Today in the browser's own calendar, as YYYY-MM-DD.
function today(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

type Identity = 'confirmed' | 'unconfirmed';
type Consent = 'consents' | 'refuses' | 'undecided';
type Fit = 'yes' | 'no';
type Answers = { destination: string; on: string; identity: Identity | ''; consent: Consent | ''; fit: Fit | ''; note: string };

export function InterviewPage({ id, actor }: { id: string; actor: Actor }) {
  const { t } = useI18n();
  const loaded = useLoad(async () => {
    const [person, parties] = await Promise.all([
      getJson<PersonDetails>(`/v1/persons/${encodeURIComponent(id)}`),
      getJson<Party[]>('/v1/parties').catch(() => [] as Party[]),
    ]);
    return { person, parties };
  }, [id]);
  const fresh = (): Answers => ({ destination: '', on: today(), identity: '', consent: '', fit: '', note: '' });
  const [answers, setAnswers] = useState<Answers>(fresh);
  const [recorded, setRecorded] = useState<InterviewRecorded | null>(null);
  const submit = useSubmit();
  const set = (change: Partial<Answers>) => {
    setAnswers((a) => ({ ...a, ...change }));
    setRecorded(null);
  };

  const back = <p><a href={`#/persons/${encodeURIComponent(id)}`}>{t('act.interview.back', { id })}</a></p>;
  if (actor.role !== 'verifier') return <>{back}<h1>{t('act.interview.title')}</h1><p class="muted">{t('act.interview.onlyVerifier')}</p></>;
  if (loaded.error) return <>{back}<h1>{t('act.interview.title')}</h1><ProblemMessage error={loaded.error} /></>;
  if (!loaded.data) return <>{back}<h1>{t('act.interview.title')}</h1><p>{t('common.loading')}</p></>;
  const { person, parties } = loaded.data;

  const send = async (event: Event) => {
    event.preventDefault();
    const body = { person: person.id, ...filled(answers) };
    const answer = await submit.send((key) => postJson<InterviewRecorded>('/v1/interviews', body, key), body);
    if (answer) {
      setAnswers({ ...fresh(), on: answers.on });
      setRecorded(answer);
    }
  };
  return (
    <div class="tablet-form">
      {back}
      <h1>{t('act.interview.title')}</h1>
      <p class="lead">{person.name ? `${person.name} (${person.id})` : person.id}</p>
      {recorded && (
        <p class="verified" role="status">{t(recorded.changes_refusal ? 'act.interview.doneChanged' : 'act.interview.done',
          { interview: recorded.id, destination: recorded.destination })}</p>
      )}
      <form class="stack" onSubmit={send} aria-label={t('act.interview.title')}>
        <FormField id="interview-destination" label={t('act.interview.destination')} hint={t('act.interview.destinationHint')} atFault={submit.field === 'destination'}>{(c) => (
          <select {...c} value={answers.destination} onChange={(e) => set({ destination: (e.currentTarget as HTMLSelectElement).value })}>
            <option value="">{t('act.form.choose')}</option>
            {parties.map((p) => <option key={p.code} value={p.code}>{`${p.code} — ${p.name}`}</option>)}
          </select>
        )}</FormField>
        <FormField id="interview-on" label={t('act.interview.on')} hint={t('act.interview.onHint')} atFault={submit.field === 'on'}>
          {(c) => <input {...c} type="date" value={answers.on} onInput={(e) => set({ on: (e.currentTarget as HTMLInputElement).value })} />}
        </FormField>
        <ChoiceField name="identity" legend={t('act.interview.identity')} value={answers.identity} atFault={submit.field === 'identity'}
          onChange={(identity) => set({ identity })} choices={[
            { value: 'confirmed', label: t('act.interview.identity.confirmed') },
            { value: 'unconfirmed', label: t('act.interview.identity.unconfirmed') },
          ]} />
        <ChoiceField name="consent" legend={t('act.interview.consent')} value={answers.consent} atFault={submit.field === 'consent'}
          hint={t('act.interview.consentHint')}
          onChange={(consent) => set({ consent })} choices={[
            { value: 'consents', label: t('act.interview.consent.consents') },
            { value: 'refuses', label: t('act.interview.consent.refuses') },
            { value: 'undecided', label: t('act.interview.consent.undecided') },
          ]} />
        <aside class="rules" aria-labelledby="consent-rules-heading" data-testid="consent-rules">
          <h2 id="consent-rules-heading">{t('act.interview.rules')}</h2>
          <ul>
            <li>{t('act.interview.rule.final')}</li>
            <li>{t('act.interview.rule.change')}</li>
            <li>{t('act.interview.rule.confidential')}</li>
            <li>{t('act.interview.rule.blocks')}</li>
          </ul>
        </aside>
        <ChoiceField name="fit" legend={t('act.interview.fit')} value={answers.fit} atFault={submit.field === 'fit'}
          onChange={(fit) => set({ fit })} choices={[
            { value: 'yes', label: t('act.interview.fit.yes') },
            { value: 'no', label: t('act.interview.fit.no') },
          ]} />
        <FormField id="interview-note" label={t('act.interview.note')} hint={t('act.interview.noteHint')} atFault={submit.field === 'note'}>
          {(c) => <textarea {...c} rows={4} value={answers.note} onInput={(e) => set({ note: (e.currentTarget as HTMLTextAreaElement).value })} />}
        </FormField>
        <div aria-live="polite">{submit.error !== null && <ProblemMessage error={submit.error} />}</div>
        <div class="buttons"><button type="submit" class="big" disabled={submit.pending}>{t('act.interview.submit')}</button></div>
      </form>
    </div>
  );
}
