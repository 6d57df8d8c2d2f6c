// Changing an exchange from its page (docs/api.md, "Changing an exchange"): a party added to a
// side and a side's balance rule (mediators and admins), a claim on a person or on a whole list
// (also a negotiator, for its own party). Each change sends the exchange's ETag as If-Match, so
// that it is made only on the exchange as the page shows it: when someone changed it meanwhile
// (412), the form says so, keeps what was typed, and offers to read the exchange again. Each also
// carries an Idempotency-Key kept while what was typed is unchanged.
import { ApiError, getJson, postJsonIfMatch } from '../../api/client';
import type { Actor, ExchangeDetails, Party } from '../../api/types';
import { useSubmit } from '../../api/useSubmit';
import { useLoad } from '../../api/useLoad';
import { FormField } from '../../components/FormField';
import { ProblemMessage } from '../../components/ProblemMessage';
import { useFields } from '../../components/useFields';
import { useI18n } from '../../i18n';

interface ChangeProps { exchange: ExchangeDetails; etag: string | null; onChanged: () => void }

// The outcome of a change under the form: the refusal, or for a 412 what happened and a button
// that reads the exchange again (the typed values stay).
function Outcome({ error, onReload }: { error: unknown; onReload: () => void }) {
  const { t } = useI18n();
  if (error === null) return null;
  if (error instanceof ApiError && error.problem.status === 412) {
    return (
      <div class="problem" role="alert">
        <p>{t('exch.change.stale')}</p>
        <button type="button" class="secondary" onClick={onReload}>{t('exch.change.reload')}</button>
      </div>
    );
  }
  return <ProblemMessage error={error} />;
}

function useChange(exchange: ExchangeDetails, etag: string | null, route: string) {
  const submit = useSubmit();
  const change = (body: Record<string, unknown>) =>
    submit.send((key) => postJsonIfMatch(`/v1/exchanges/${exchange.id}/${route}`, body, etag, key), body);
  return { submit, change };
}

function PartyForm({ exchange, etag, onChanged }: ChangeProps) {
  const { t } = useI18n();
  const parties = useLoad(() => getJson<Party[]>('/v1/parties').catch(() => [] as Party[]), []);
  const fields = useFields({ party: '', bloc: '' });
  const { submit, change } = useChange(exchange, etag, 'parties');
  const send = async (event: Event) => {
    event.preventDefault();
    if (await change(fields.filled())) {
      fields.reset();
      onChanged();
    }
  };
  const present = new Set(exchange.blocs.flatMap((b) => b.parties));
  return (
    <form class="stack action-form" onSubmit={send} aria-labelledby="exch-party-form">
      <h3 id="exch-party-form">{t('exch.change.party')}</h3>
      <FormField id="exch-party" label={t('exch.change.partyLabel')} atFault={submit.field === 'party'}>{(c) => (
        <select {...c} value={fields.values.party} onChange={(e) => fields.set({ party: (e.currentTarget as HTMLSelectElement).value })}>
          <option value="">{t('act.form.choose')}</option>
          {(parties.data ?? []).filter((p) => !present.has(p.code)).map((p) => <option key={p.code} value={p.code}>{`${p.code} — ${p.name}`}</option>)}
        </select>
      )}</FormField>
      <FormField id="exch-party-bloc" label={t('exch.change.bloc')} hint={t('exch.change.blocHint')} atFault={submit.field === 'bloc'}>
        {(c) => <input {...c} list="exch-blocs" {...fields.bind('bloc')} />}
      </FormField>
      <datalist id="exch-blocs">{exchange.blocs.map((b) => <option key={b.name} value={b.name} />)}</datalist>
      <div class="buttons"><button type="submit" disabled={submit.pending}>{t('exch.change.partySubmit')}</button></div>
      <div aria-live="polite"><Outcome error={submit.error} onReload={onChanged} /></div>
    </form>
  );
}

function RuleForm({ exchange, etag, onChanged }: ChangeProps) {
  const { t } = useI18n();
  const fields = useFields({ bloc: '', rule: 'count', ratio: '1' });
  const { submit, change } = useChange(exchange, etag, 'rules');
  const send = async (event: Event) => {
    event.preventDefault();
    const { ratio, ...rest } = fields.filled();
    const body: Record<string, unknown> = { ...rest };
    if (ratio !== undefined) body.ratio = Number.isNaN(Number(ratio)) ? ratio : Number(ratio);
    if (await change(body)) onChanged();
  };
  return (
    <form class="stack action-form" onSubmit={send} aria-labelledby="exch-rule-form">
      <h3 id="exch-rule-form">{t('exch.change.rule')}</h3>
      <FormField id="exch-rule-bloc" label={t('exch.change.bloc')} atFault={submit.field === 'bloc'}>{(c) => (
        <select {...c} value={fields.values.bloc} onChange={(e) => fields.set({ bloc: (e.currentTarget as HTMLSelectElement).value })}>
          <option value="">{t('act.form.choose')}</option>
          {exchange.blocs.map((b) => <option key={b.name} value={b.name}>{b.name}</option>)}
        </select>
      )}</FormField>
      <FormField id="exch-rule-kind" label={t('exch.change.ruleKind')} atFault={submit.field === 'rule'}>{(c) => (
        <select {...c} value={fields.values.rule} onChange={(e) => fields.set({ rule: (e.currentTarget as HTMLSelectElement).value })}>
          <option value="count">{t('exch.change.rule.count')}</option>
          <option value="value">{t('exch.change.rule.value')}</option>
          <option value="none">{t('exch.rule.none')}</option>
        </select>
      )}</FormField>
      <FormField id="exch-rule-ratio" label={t('exch.change.ratio')} hint={t('exch.change.ratioHint')} atFault={submit.field === 'ratio'}>
        {(c) => <input {...c} inputMode="decimal" {...fields.bind('ratio')} />}
      </FormField>
      <div class="buttons"><button type="submit" disabled={submit.pending}>{t('exch.change.ruleSubmit')}</button></div>
      <div aria-live="polite"><Outcome error={submit.error} onReload={onChanged} /></div>
    </form>
  );
}

function ClaimForm({ exchange, etag, onChanged, actor }: ChangeProps & { actor: Actor }) {
  const { t } = useI18n();
  const own = actor.role === 'negotiator';
  const fields = useFields({ by: own ? actor.party : '', person: '', list: '', value: '', priority: '' });
  const { submit, change } = useChange(exchange, etag, 'claims');
  const claimants = own ? [actor.party] : exchange.blocs.flatMap((b) => b.parties);
  const send = async (event: Event) => {
    event.preventDefault();
    const { value, priority, ...rest } = fields.filled();
    const body: Record<string, unknown> = { ...rest };
    if (value !== undefined) body.value = Number(value);
    if (priority !== undefined) body.priority = Number(priority);
    if (await change(body)) {
      fields.set({ person: '', list: '' });
      onChanged();
    }
  };
  return (
    <form class="stack action-form" onSubmit={send} aria-labelledby="exch-claim-form">
      <h3 id="exch-claim-form">{t('exch.change.claim')}</h3>
      <p class="hint">{t('exch.change.claimIntro')}</p>
      <FormField id="exch-claim-by" label={t('exch.claims.by')} atFault={submit.field === 'by'}>{(c) => (
        <select {...c} value={fields.values.by} disabled={own} onChange={(e) => fields.set({ by: (e.currentTarget as HTMLSelectElement).value })}>
          {!own && <option value="">{t('act.form.choose')}</option>}
          {claimants.map((p) => <option key={p} value={p}>{p}</option>)}
        </select>
      )}</FormField>
      <FormField id="exch-claim-person" label={t('exch.change.claimPerson')} atFault={submit.field === 'person'}>
        {(c) => <input {...c} {...fields.bind('person')} />}
      </FormField>
      <FormField id="exch-claim-list" label={t('exch.change.claimList')} atFault={submit.field === 'list'}>
        {(c) => <input {...c} {...fields.bind('list')} />}
      </FormField>
      <FormField id="exch-claim-value" label={t('exch.claims.value')} hint={t('exch.change.valueHint')} atFault={submit.field === 'value'}>
        {(c) => <input {...c} inputMode="decimal" {...fields.bind('value')} />}
      </FormField>
      <div class="buttons"><button type="submit" disabled={submit.pending}>{t('exch.change.claimSubmit')}</button></div>
      <div aria-live="polite"><Outcome error={submit.error} onReload={onChanged} /></div>
    </form>
  );
}

// The forms the reader's role may use on this exchange; nothing for the others.
export function ChangeForms({ exchange, etag, onChanged, actor }: ChangeProps & { actor: Actor }) {
  const { t } = useI18n();
  const arranges = actor.role === 'mediator' || actor.role === 'admin';
  const claims = arranges || actor.role === 'negotiator';
  if (!claims) return null;
  return (
    <section aria-labelledby="exch-change-heading" class="no-print">
      <h2 id="exch-change-heading">{t('exch.change')}</h2>
      {arranges && <PartyForm exchange={exchange} etag={etag} onChanged={onChanged} />}
      {arranges && exchange.blocs.length > 0 && <RuleForm exchange={exchange} etag={etag} onChanged={onChanged} />}
      {exchange.blocs.length > 0 && <ClaimForm exchange={exchange} etag={etag} onChanged={onChanged} actor={actor} />}
    </section>
  );
}
