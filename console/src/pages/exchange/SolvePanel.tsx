// The solver, on demand: the candidates of a day and each claim left out with its reasons (GET
// .../candidates), the best deal with each side's balance and every claimed person not chosen
// with why (POST .../solve), and "what would it take" to include one person (`require`). The
// reasons are the API's, as the caller's role may read them: a personal one reads "not available
// (confidential)" for a negotiator. Nothing is recorded.
import { useState } from 'preact/hooks';
import { getJson, postJson } from '../../api/client';
import type { BlocBalance, Candidates, DealPerson, SolveAnswer, SolverReason } from '../../api/types';
import { ProblemMessage } from '../../components/ProblemMessage';
import { Table } from '../../components/Table';
import { useI18n, type MessageKey } from '../../i18n';
import { ReasonText } from './words';

const who = (p: { person: string; name?: string }) => (p.name ? `${p.name} (${p.person})` : p.person);

function Reasons({ reasons }: { reasons: SolverReason[] }) {
  return reasons.length === 1 ? <ReasonText reason={reasons[0]} />
    : <ul class="reasons">{reasons.map((r, i) => <li key={i}><ReasonText reason={r} /></li>)}</ul>;
}

export function SolvePanel({ exchange }: { exchange: string }) {
  const { t, number, date } = useI18n();
  const [day, setDay] = useState('');
  const [require, setRequire] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [candidates, setCandidates] = useState<Candidates | null>(null);
  const [solved, setSolved] = useState<SolveAnswer | null>(null);

  const run = async (what: () => Promise<void>) => {
    setError(null);
    setBusy(true);
    try {
      await what();
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };
  const showCandidates = () => run(async () => {
    setCandidates(await getJson<Candidates>(`/v1/exchanges/${exchange}/candidates${day ? `?date=${day}` : ''}`));
  });
  const solve = () => run(async () => {
    const body: Record<string, unknown> = { explain: true, time_limit: 30 };
    if (day) body.date = day;
    if (require.trim()) body.require = require.trim().toUpperCase();
    setSolved(null);
    setSolved(await postJson<SolveAnswer>(`/v1/exchanges/${exchange}/solve`, body));
  });

  const dealColumns = [
    { label: t('exch.solve.person'), cell: (p: DealPerson) => who(p) },
    { label: t('exch.solve.from'), cell: (p: DealPerson) => p.from },
    { label: t('exch.solve.to'), cell: (p: DealPerson) => p.to },
    { label: t('exch.claims.value'), cell: (p: DealPerson) => number(p.value), numeric: true },
  ];
  const balance = (blocs: BlocBalance[]) => (
    <Table rows={blocs} rowKey={(b) => b.name ?? b.bloc ?? ''} rowHeader columns={[
      { label: t('exch.sides.side'), cell: (b) => b.name ?? b.bloc },
      { label: t('exch.solve.gives'), cell: (b) => number(b.given), numeric: true },
      { label: t('exch.solve.receives'), cell: (b) => number(b.received), numeric: true },
      { label: t('exch.solve.ruleHolds'), cell: (b) => (b.holds ? `✓ ${t('common.yes')}` : `✕ ${t('common.no')}`) },
    ]} />
  );

  return (
    <section aria-labelledby="exch-solve-heading">
      <h2 id="exch-solve-heading">{t('exch.solve')}</h2>
      <p class="hint">{t('exch.solve.intro')}</p>
      <form class="decision" noValidate onSubmit={(event) => { event.preventDefault(); void solve(); }}>
        <label for="exch-solve-date">{t('exch.solve.date')}</label>
        <input id="exch-solve-date" type="date" value={day} aria-describedby="exch-solve-date-hint"
          onInput={(event) => setDay((event.target as HTMLInputElement).value)} />
        <p class="hint" id="exch-solve-date-hint">{t('exch.solve.dateHint')}</p>
        <label for="exch-solve-require">{t('exch.solve.require')}</label>
        <input id="exch-solve-require" value={require} aria-describedby="exch-solve-require-hint"
          onInput={(event) => setRequire((event.target as HTMLInputElement).value)} />
        <p class="hint" id="exch-solve-require-hint">{t('exch.solve.requireHint')}</p>
        <div class="buttons">
          <button type="button" class="secondary" disabled={busy} onClick={() => void showCandidates()}>{t('exch.solve.candidates')}</button>
          <button type="submit" disabled={busy}>{t('exch.solve.run')}</button>
        </div>
      </form>
      <div role="status" class="status">{busy ? t('exch.solve.working') : ''}</div>
      {error !== null && <ProblemMessage error={error} />}

      {candidates && (
        <div data-testid="candidates">
          <h3>{t('exch.solve.candidatesTitle', { count: candidates.candidates.length, date: date(candidates.date) })}</h3>
          <h4>{t('exch.solve.excluded', { count: candidates.excluded.length })}</h4>
          {candidates.excluded.length === 0 ? <p class="muted">{t('common.none')}</p> : (
            <Table rows={candidates.excluded} rowKey={(e) => e.claim} columns={[
              { label: t('exch.solve.person'), cell: (e) => who(e) },
              { label: t('exch.claims.by'), cell: (e) => e.claimant },
              { label: t('exch.solve.why'), cell: (e) => <Reasons reasons={e.reasons} /> },
            ]} />
          )}
        </div>
      )}

      {solved && (
        <div data-testid="solution">
          <h3>{t('exch.solve.deal', { status: t((`exch.solve.status.${solved.status}`) as MessageKey) ?? solved.status, count: solved.deal.length })}</h3>
          {(solved.conflict ?? []).length > 0 && <>
            <p>{t('exch.solve.conflict')}</p>
            <ul>{solved.conflict!.map((g) => <li key={g.path}>{g.description}</li>)}</ul>
          </>}
          {solved.deal.length > 0 && <Table rows={solved.deal} rowKey={(p) => p.candidate} columns={dealColumns} />}
          <h4>{t('exch.solve.balance')}</h4>
          {balance(solved.blocs)}
          {solved.require && (
            <div data-testid="require">
              <h4>{t('exch.solve.whatItTakes', { person: solved.require.person })}</h4>
              <p>{solved.require.outcome === 'already_selected' ? t('exch.require.already')
                : solved.require.outcome === 'no_change_needed' ? t('exch.require.noChange')
                : solved.require.outcome === 'ratio_change' ? t('exch.require.ratio', {
                  side: solved.require.bloc ?? '', before: number(solved.require.ratio_before ?? 0), after: number(solved.require.ratio_after ?? 0) })
                : t('exch.require.impossible')}
              {!solved.require.proven && ` ${t('exch.require.notProven')}`}</p>
              {(solved.require.groups ?? []).length > 0 && (
                <ul>{solved.require.groups!.map((g) => <li key={g.path}>{g.description}</li>)}</ul>
              )}
              {(solved.require.deal_persons ?? []).length > 0 && (
                <Table rows={solved.require.deal_persons!} rowKey={(p) => p.candidate} columns={dealColumns} />
              )}
            </div>
          )}
          <h4>{t('exch.solve.notChosen', { count: solved.not_chosen.length })}</h4>
          {solved.not_chosen.length === 0 ? <p class="muted">{t('common.none')}</p> : (
            <Table rows={solved.not_chosen} rowKey={(p) => p.person} columns={[
              { label: t('exch.solve.person'), cell: (p) => who(p) },
              { label: t('exch.solve.why'), cell: (p) => <Reasons reasons={p.reasons} /> },
            ]} />
          )}
        </div>
      )}
    </section>
  );
}
