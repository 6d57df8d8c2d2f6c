// An exchange's guarantors and observer organisations (docs/exchanges.md, "Guarantors and
// observer organisations"): a guarantor signs the agreement beside the parties; an observer
// organisation's users read the execution (names, but no personal reason). Mediators and admins
// declare and withdraw guarantors while the exchange is negotiating, and attach and detach
// observers in any state but the last two (POST and DELETE /v1/exchanges/{id}/guarantors|observers,
// the additions with the exchange's ETag as If-Match). A refusal is said in the user's language
// with the server's reason; the choice stays in the form.
import { useState } from 'preact/hooks';
import { ApiError, deleteJson, getJson, postJsonIfMatch } from '../../api/client';
import type { Actor, ExchangeDetails, ExchangeSupporters, Party, SupporterChanged, Workflow } from '../../api/types';
import { useLoad } from '../../api/useLoad';
import { useSubmit } from '../../api/useSubmit';
import { FormField } from '../../components/FormField';
import { ProblemMessage } from '../../components/ProblemMessage';
import { useI18n, type MessageKey } from '../../i18n';

type Role = 'guarantor' | 'observer';
const route: Record<Role, string> = { guarantor: 'guarantors', observer: 'observers' };

function Refusal({ error }: { error: unknown }) {
  const { t } = useI18n();
  if (error === null) return null;
  if (!(error instanceof ApiError) || (error.problem.status !== 422 && error.problem.status !== 412)) return <ProblemMessage error={error} />;
  const key: MessageKey = error.problem.status === 412 ? 'exch.change.stale' : 'sup.refused';
  return (
    <div class="problem" role="alert" data-testid="supporter-refusal">
      <p>{t(key)}</p>
      {error.problem.detail && <p class="detail"><span>{t('problem.serverSaid')}</span> <q>{error.problem.detail}</q></p>}
    </div>
  );
}

function RoleList({ exchange, role, members, parties, mayChange, onChanged }: {
  exchange: string; role: Role; members: string[]; parties: Party[]; mayChange: boolean; onChanged: (said: string) => void;
}) {
  const { t } = useI18n();
  const remove = useSubmit();
  const nameOf = (code: string) => parties.find((p) => p.code === code)?.name;
  const drop = async (party: string) => {
    const done = await remove.send(() => deleteJson<SupporterChanged>(`/v1/exchanges/${exchange}/${route[role]}/${encodeURIComponent(party)}`), { role, party });
    if (done) onChanged(t(`sup.${role}.removed`, { party }));
  };
  return (
    <>
      <h3 id={`sup-${role}-heading`}>{t(`sup.${role}s`)}</h3>
      <p class="hint">{t(`sup.${role}.what`)}</p>
      {members.length === 0 ? <p class="muted">{t('common.none')}</p> : (
        <ul data-testid={`sup-${role}s`} aria-labelledby={`sup-${role}-heading`}>
          {members.map((party) => (
            <li key={party}>
              <strong>{party}</strong>{nameOf(party) && <> — {nameOf(party)}</>}{' '}
              {mayChange && <button type="button" class="secondary" disabled={remove.pending}
                onClick={() => void drop(party)}>{t(`sup.${role}.remove`, { party })}</button>}
            </li>
          ))}
        </ul>
      )}
      <div aria-live="polite"><Refusal error={remove.error} /></div>
    </>
  );
}

function AddForm({ exchange, etag, role, choices, onChanged }: {
  exchange: string; etag: string | null; role: Role; choices: Party[]; onChanged: (said: string) => void;
}) {
  const { t } = useI18n();
  const [party, setParty] = useState('');
  const submit = useSubmit();
  const send = async (event: Event) => {
    event.preventDefault();
    const body = party ? { party } : {};
    const done = await submit.send((key) => postJsonIfMatch<SupporterChanged>(`/v1/exchanges/${exchange}/${route[role]}`, body, etag, key), body);
    if (done) {
      setParty('');
      onChanged(t(`sup.${role}.added`, { party: done.party }));
    }
  };
  return (
    <form class="stack action-form" onSubmit={send} noValidate aria-labelledby={`sup-${role}-form`}>
      <h4 id={`sup-${role}-form`}>{t(`sup.${role}.add`)}</h4>
      <FormField id={`sup-${role}-party`} label={t('sup.party')} atFault={submit.field === 'party'}>{(c) => (
        <select {...c} value={party} onChange={(e) => setParty((e.currentTarget as HTMLSelectElement).value)}>
          <option value="">{t('act.form.choose')}</option>
          {choices.map((p) => <option key={p.code} value={p.code}>{`${p.code} — ${p.name}`}</option>)}
        </select>
      )}</FormField>
      <div class="buttons"><button type="submit" disabled={submit.pending}>{t(`sup.${role}.submit`)}</button></div>
      <div aria-live="polite"><Refusal error={submit.error} /></div>
    </form>
  );
}

export function Supporters({ exchange, etag, actor, onChanged }: {
  exchange: ExchangeDetails & ExchangeSupporters; etag: string | null; actor: Actor; onChanged: () => void;
}) {
  const { t } = useI18n();
  const [said, setSaid] = useState('');
  const mayChange = actor.role === 'mediator' || actor.role === 'admin';
  const loaded = useLoad(async () => {
    const [parties, workflow] = await Promise.all([
      getJson<Party[]>('/v1/parties').catch(() => [] as Party[]),
      mayChange ? getJson<Workflow>(`/v1/exchanges/${exchange.id}/workflow`).catch(() => null) : Promise.resolve(null),
    ]);
    return { parties, state: workflow?.state ?? '' };
  }, [exchange.id, etag]);
  const guarantors = exchange.guarantors ?? [];
  const observers = exchange.observers ?? [];
  const parties = loaded.data?.parties ?? [];
  const state = loaded.data?.state ?? '';
  const inSides = new Set([...exchange.blocs.flatMap((b) => b.parties), exchange.mediator]);
  const changed = (sentence: string) => {
    setSaid(sentence);
    onChanged();
  };
  const guarantorsChange = mayChange && state === 'negotiating';
  const observersChange = mayChange && state !== '' && state !== 'completed' && state !== 'collapsed';
  return (
    <section aria-labelledby="sup-heading">
      <h2 id="sup-heading">{t('sup.heading')}</h2>
      <p role="status" class="status" data-testid="sup-status">{said}</p>
      <RoleList exchange={exchange.id} role="guarantor" members={guarantors} parties={parties} mayChange={guarantorsChange} onChanged={changed} />
      {guarantorsChange && <AddForm exchange={exchange.id} etag={etag} role="guarantor" onChanged={changed}
        choices={parties.filter((p) => !inSides.has(p.code) && !guarantors.includes(p.code))} />}
      {mayChange && state !== '' && !guarantorsChange && <p class="muted">{t('sup.guarantor.onlyNegotiating')}</p>}
      <RoleList exchange={exchange.id} role="observer" members={observers} parties={parties} mayChange={observersChange} onChanged={changed} />
      {observersChange && <AddForm exchange={exchange.id} etag={etag} role="observer" onChanged={changed}
        choices={parties.filter((p) => p.code !== exchange.mediator && !observers.includes(p.code))} />}
    </section>
  );
}
