// One version in the timeline: what it counters, its state, its numbers or names, who answered
// and why, how it differs from its parent; and, for a negotiator of a party in it, the answers
// its party may give (accept, reject with a reason, counter with other numbers; table a draft of
// its own). Every answer carries the version's ETag as If-Match: a version answered, countered
// or changed since the page read it is refused (409 or 412), and the card says what happened and
// what to do, from the timeline as it is now, keeping what was typed.
import { useState } from 'preact/hooks';
import { ApiError, getJson, getPage, postJson, postJsonIfMatch } from '../../api/client';
import { useIdempotencyKeys } from '../../api/useSubmit';
import type { Actor, Proposal, ProposalChanged, ProposalDiff, VersionSummary } from '../../api/types';
import { SectionBody } from '../../components/Section';
import { Table } from '../../components/Table';
import { useI18n } from '../../i18n';
import { explainConflict, isConflict, type Conflict } from './conflict';
import { parseCounts, writeCounts, type Direction } from './counts';
import type { TimelineData, TimelineEntry } from './Timeline';
import { Signatures } from './Signatures';
import { StateWord, stateLabel } from './words';

export interface Typed { reason: string; counts: Direction[] | null }

const arrow = (from: string, to: string) => `${from} → ${to}`;

function DiffView({ diff }: { diff: ProposalDiff }) {
  const { t, number } = useI18n();
  const person = (p: { person: string; name?: string; from: string; to: string }) =>
    `${p.name ? `${p.name} (${p.person})` : p.person}, ${arrow(p.from, p.to)}`;
  const change = (before: number, after: number) =>
    after === before ? t('exch.diff.same') : `${after > before ? '+' : '−'}${number(Math.abs(after - before))}`;
  return (
    <div class="diff" data-testid={`diff-${diff.to}`}>
      <h4>{t('exch.diff.title', { parent: diff.from })}</h4>
      {diff.counts.length > 0 && (
        <Table rows={diff.counts} rowKey={(c) => `${c.from}>${c.to}`} rowHeader columns={[
          { label: t('exch.diff.direction'), cell: (c) => arrow(c.from, c.to) },
          { label: diff.from, cell: (c) => number(c.before), numeric: true },
          { label: diff.to, cell: (c) => number(c.after), numeric: true },
          { label: t('exch.diff.change'), cell: (c) => change(c.before, c.after), numeric: true },
        ]} />
      )}
      {diff.added.length > 0 && <><p>{t('exch.diff.added', { count: diff.added.length })}</p><ul>{diff.added.map((p) => <li key={p.person}>+ {person(p)}</li>)}</ul></>}
      {diff.removed.length > 0 && <><p>{t('exch.diff.removed', { count: diff.removed.length })}</p><ul>{diff.removed.map((p) => <li key={p.person}>− {person(p)}</li>)}</ul></>}
      {diff.moved.length > 0 && <><p>{t('exch.diff.moved', { count: diff.moved.length })}</p><ul>{diff.moved.map((m) => (
        <li key={m.after.person}>⇄ {m.after.name ? `${m.after.name} (${m.after.person})` : m.after.person}: {arrow(m.before.from, m.before.to)} ⇒ {arrow(m.after.from, m.after.to)}</li>
      ))}</ul></>}
      {diff.counts.every((c) => c.before === c.after) && diff.added.length + diff.removed.length + diff.moved.length === 0 && <p>{t('exch.diff.none')}</p>}
    </div>
  );
}

export function VersionCard({ entry, timeline, actor, exchange, opened, typed, onTyped, onReload }: {
  entry: TimelineEntry; timeline: TimelineData; actor: Actor; exchange: string; opened: boolean;
  typed: Typed; onTyped: (typed: Typed) => void; onReload: () => void;
}) {
  const { t, date } = useI18n();
  const { value: version, etag } = entry.proposal;
  const id = version.version;
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState('');
  const [reasonMissing, setReasonMissing] = useState(false);
  const [failure, setFailure] = useState<{ error: unknown; conflict: Conflict } | null>(null);
  const keys = useIdempotencyKeys();
  const counts = typed.counts ?? parseCounts(version.counts);

  const answered = version.responses.find((r) => r.party === actor.party);
  const mine = actor.role === 'negotiator' && version.parties.includes(actor.party);
  const mayAnswer = mine && version.state === 'tabled' && !answered;
  const mayTable = version.state === 'draft' && version.created_party === actor.party;
  const waiting = version.state === 'tabled' ? version.parties.filter((p) => !version.responses.some((r) => r.party === p)) : [];

  const act = async (send: () => Promise<string>) => {
    setFailure(null);
    setDone('');
    setBusy(true);
    try {
      setDone(await send());
      onReload();
    } catch (error) {
      let conflict: Conflict = null;
      if (isConflict(error)) {
        try {
          const [now, versions] = await Promise.all([
            getJson<Proposal>(`/v1/proposals/${id}`),
            getPage<VersionSummary[]>(`/v1/exchanges/${exchange}/proposals?limit=1000`),
          ]);
          conflict = explainConflict(version, now, versions.items);
        } catch {
          // the explanation is then the server's own detail
        }
      }
      setFailure({ error, conflict });
    } finally {
      setBusy(false);
    }
  };
  const changed = (answer: ProposalChanged) => t('exch.answer.done', { version: answer.version, state: stateLabel(t, answer.state) });
  const accept = () => act(async () => changed(await postJsonIfMatch<ProposalChanged>(`/v1/proposals/${id}/accept`, { party: actor.party }, etag)));
  const reject = () => {
    if (!typed.reason.trim()) {
      setReasonMissing(true);
      document.getElementById(`reason-${id}`)?.focus();
      return;
    }
    setReasonMissing(false);
    const body = { party: actor.party, reason: typed.reason.trim() };
    void act(async () => {
      const answer = await postJsonIfMatch<ProposalChanged>(`/v1/proposals/${id}/reject`, body, etag, keys.keyFor(body));
      keys.done();
      return changed(answer);
    });
  };
  // A counter makes a new version: sent again after a lost answer, it must not make two.
  const counter = () => act(async () => {
    const body = { counts: writeCounts(counts) };
    const made = await postJson<{ version: string }>(`/v1/proposals/${id}/counter`, body, keys.keyFor(body));
    keys.done();
    return t('exch.counter.done', { version: made.version });
  });
  const table = () => act(async () => changed(await postJsonIfMatch<ProposalChanged>(`/v1/proposals/${id}/table`, {}, etag)));

  const explanation = (conflict: Conflict): string => {
    if (!conflict) return t('exch.conflict.unknown', { version: id });
    if (conflict.kind === 'countered') return t('exch.conflict.countered', { version: id, counter: conflict.counter, party: conflict.counterParty });
    if (conflict.kind === 'decided') return t('exch.conflict.decided', { version: id, state: stateLabel(t, conflict.state) });
    const answers = conflict.answers.map((a) => {
      const [party, response] = a.split(':');
      return t(response === 'rejected' ? 'exch.response.rejectedShort' : 'exch.response.acceptedShort', { party });
    });
    return t('exch.conflict.changed', { version: id, answers: answers.join(', ') || '—' });
  };

  return (
    <li class={`version${opened ? ' opened' : ''}`} data-version={id}>
      <h3 id={`version-${id}`} tabIndex={-1}>
        {version.parent ? t('exch.version.counter', { version: id, parent: version.parent }) : t('exch.version.first', { version: id })}
        {' · '}<StateWord state={version.state} />
      </h3>
      <p class="muted">{t('exch.version.by', { party: version.created_party, user: version.created_by, date: date(version.created_at) })}</p>
      {version.kind === 'counts' ? (
        <p>{t('exch.version.counts')} {parseCounts(version.counts).map((d) => `${arrow(d.from, d.to)}: ${d.count}`).join('; ')}</p>
      ) : (
        <Table rows={version.transfers} rowKey={(tr) => tr.person} columns={[
          { label: t('exch.solve.person'), cell: (tr) => (tr.name ? `${tr.name} (${tr.person})` : tr.person) },
          { label: t('exch.solve.from'), cell: (tr) => tr.from },
          { label: t('exch.solve.to'), cell: (tr) => tr.to },
        ]} />
      )}
      <ul class="responses" aria-label={t('exch.version.responses')}>
        {version.responses.map((r) => (
          <li key={r.party}>
            {r.response === 'rejected' ? '✕ ' : '✓ '}
            {t(r.response === 'rejected' ? 'exch.response.rejected' : 'exch.response.accepted', { party: r.party, user: r.by, date: date(r.at) })}
            {r.reason && <> <q>{r.reason}</q></>}
          </li>
        ))}
        {waiting.length > 0 && <li>… {t('exch.response.waiting', { parties: waiting.join(', ') })}</li>}
      </ul>
      {entry.diff && <SectionBody section={entry.diff}>{(diff) => <DiffView diff={diff} />}</SectionBody>}

      <div role="status" class="status">{done}</div>
      {failure && (
        <div class="problem" role="alert" data-testid={`conflict-${id}`}>
          <p>{isConflict(failure.error) ? explanation(failure.conflict) : t('exch.answer.failed', { version: id })}</p>
          {failure.error instanceof ApiError && failure.error.problem.detail && (
            <p class="detail"><span>{t('problem.serverSaid')}</span> <q>{failure.error.problem.detail}</q></p>
          )}
          <p class="buttons">
            {failure.conflict?.kind === 'countered' && failure.conflict.counter && (
              <a href={`#/exchanges/${exchange}?v=${failure.conflict.counter}`} onClick={() => setFailure(null)}>{t('exch.conflict.open', { version: failure.conflict.counter })}</a>
            )}
            {isConflict(failure.error) && (
              <button type="button" class="secondary" onClick={() => { setFailure(null); onReload(); }}>{t('exch.conflict.reload', { version: id })}</button>
            )}
          </p>
        </div>
      )}

      {mayAnswer && (
        <form class="decision" noValidate onSubmit={(event) => event.preventDefault()} aria-label={t('exch.answer.label', { version: id, party: actor.party })}>
          <div class="buttons">
            <button type="button" disabled={busy} onClick={() => void accept()}>{t('exch.answer.accept', { version: id, party: actor.party })}</button>
          </div>
          <label for={`reason-${id}`}>{t('exch.answer.reason')}</label>
          <textarea id={`reason-${id}`} rows={2} value={typed.reason} aria-invalid={reasonMissing ? 'true' : undefined}
            aria-describedby={reasonMissing ? `reason-${id}-missing` : undefined}
            onInput={(event) => onTyped({ ...typed, reason: (event.target as HTMLTextAreaElement).value })} />
          {reasonMissing && <p class="field-error" id={`reason-${id}-missing`}>{t('exch.answer.reasonMissing')}</p>}
          <div class="buttons">
            <button type="button" class="secondary" disabled={busy} onClick={reject}>{t('exch.answer.reject', { version: id })}</button>
          </div>
          {version.kind === 'counts' && (
            <fieldset class="counts">
              <legend>{t('exch.counter.legend', { version: id })}</legend>
              {counts.map((d, index) => (
                <span key={`${d.from}>${d.to}`} class="count">
                  <label for={`count-${id}-${index}`}>{arrow(d.from, d.to)}</label>
                  <input id={`count-${id}-${index}`} type="number" min={0} inputMode="numeric" value={d.count}
                    onInput={(event) => onTyped({ ...typed, counts: counts.map((c, i) => (i === index ? { ...c, count: (event.target as HTMLInputElement).value } : c)) })} />
                </span>
              ))}
              <div class="buttons">
                <button type="button" class="secondary" disabled={busy} onClick={() => void counter()}>{t('exch.counter.submit')}</button>
              </div>
            </fieldset>
          )}
        </form>
      )}
      {mayTable && (
        <div class="buttons">
          <p class="hint">{t('exch.table.hint', { version: id })}</p>
          <button type="button" disabled={busy} onClick={() => void table()}>{t('exch.table.submit', { version: id })}</button>
        </div>
      )}
      {(version.state === 'agreed' || version.state === 'agreed-in-principle' || version.state === 'replaced') && <Signatures version={version} actor={actor} />}
      {answered && version.state === 'tabled' && <p class="muted">{t('exch.answer.yours', { party: actor.party })}</p>}
    </li>
  );
}

