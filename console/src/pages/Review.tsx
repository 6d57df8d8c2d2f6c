// The review queue (#/review): the pairs of records waiting for a person's decision
// (GET /v1/review), one at a time — both records side by side with their differences marked,
// the engine's explanation as a waterfall and a table — and the decision, same or different,
// with a reason (POST /v1/review/{left}-{right}/decision). A decided pair leaves the list kept in
// the page and the next one is shown at once; the queue is read again only when asked. Every
// action has a key (review/shortcuts.ts). A negotiator's pair with a candidate on a list it may
// not read shows that the candidate exists and nothing of it, and cannot be decided; an observer
// is refused the queue (403), said as "not available to your role". Each pair says in one
// sentence why it is queued (review/QueuedBecause.tsx).
import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError, getJson, postJson } from '../api/client';
import type { DecisionRecorded, ReviewPair, ReviewQueueReason, ReviewRecord } from '../api/types';
import { ProblemMessage } from '../components/ProblemMessage';
import { useI18n, type MessageKey } from '../i18n';
import { DecisionForm, type Decision } from './review/DecisionForm';
import { Explanation } from './review/Explanation';
import { isHidden, PairRecords } from './review/PairRecords';
import { QueuedBecause } from './review/QueuedBecause';
import { ShortcutList } from './review/ShortcutList';
import { isField, shortcutFor, type ShortcutAction } from './review/shortcuts';

// The queue is read whole (the API has no cursor for it); 1000 pairs at most.
const queueLimit = 1000;
const decidable = (pair: ReviewPair) => !pair.candidate_only && !isHidden(pair.left) && !isHidden(pair.right);
const visibleRecord = (pair: ReviewPair) => (isHidden(pair.left) ? pair.right : pair.left) as ReviewRecord;

// What a refused decision means for the person deciding, by the answer's status.
const refusals: Record<number, MessageKey> = {
  403: 'review.error.forbidden', 404: 'review.error.gone', 409: 'review.error.decided',
};

function DecisionProblem({ error }: { error: unknown }) {
  const { t } = useI18n();
  const status = error instanceof ApiError ? error.problem.status : 0;
  const key = refusals[status];
  if (!key) return <ProblemMessage error={error} />;
  const detail = (error as ApiError).problem.detail;
  return (
    <div class="problem" role="alert">
      <p>{t(key)}</p>
      {detail && <p class="detail"><span>{t('problem.serverSaid')}</span> <q>{detail}</q></p>}
    </div>
  );
}

export function Review() {
  const { t, number } = useI18n();
  const [queue, setQueue] = useState<ReviewPair[] | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [index, setIndex] = useState(0);
  const [decided, setDecided] = useState(0);
  const [total, setTotal] = useState(0);
  const [reason, setReason] = useState('');
  const [reasonMissing, setReasonMissing] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [said, setSaid] = useState('');
  const [helpOpen, setHelpOpen] = useState(false);
  const reasonRef = useRef<HTMLTextAreaElement>(null);
  const summaryRef = useRef<HTMLElement>(null);

  const load = async (decidedSoFar: number) => {
    setLoadError(null);
    try {
      const pairs = await getJson<ReviewPair[]>(`/v1/review?limit=${queueLimit}`);
      setQueue(pairs);
      setIndex(0);
      setTotal(decidedSoFar + pairs.filter(decidable).length);
    } catch (failure) {
      setLoadError(failure);
    }
  };
  useEffect(() => {
    load(0);
  }, []);

  const pair = queue && queue.length > 0 ? queue[Math.min(index, queue.length - 1)] : null;

  // Moves through the queue (not while a decision is on its way: its answer moves on by itself).
  const go = (step: number) => {
    if (!queue || queue.length === 0 || busy) return;
    const next = Math.max(0, Math.min(queue.length - 1, index + step));
    setError(null);
    setReasonMissing(false);
    setIndex(next);
    setSaid(t('review.position', { n: next + 1, count: queue.length }));
  };

  const decide = async (decision: Decision) => {
    if (!pair || !queue || busy) return;
    if (!decidable(pair)) {
      setSaid(t('review.cannotDecide'));
      return;
    }
    const left = (pair.left as ReviewRecord).record, right = (pair.right as ReviewRecord).record;
    if (reason.trim() === '') {
      setReasonMissing(true);
      reasonRef.current?.focus();
      return;
    }
    setReasonMissing(false);
    setError(null);
    setBusy(true);
    try {
      await postJson<DecisionRecorded>(`/v1/review/${left}-${right}/decision`, { decision, reason: reason.trim() });
      const rest = queue.filter((p) => p !== pair);
      setQueue(rest);
      setIndex(Math.min(index, Math.max(0, rest.length - 1)));
      setDecided((n) => n + 1);
      setReason('');
      const recorded = t(decision === 'same' ? 'review.recorded.same' : 'review.recorded.different', { left, right });
      setSaid(rest.length > 0 ? `${recorded} ${t('review.position', { n: Math.min(index, rest.length - 1) + 1, count: rest.length })}` : recorded);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  const act = (action: ShortcutAction) => {
    if (action === 'same' || action === 'different') decide(action);
    else if (action === 'next') go(1);
    else if (action === 'previous') go(-1);
    else if (action === 'reason') reasonRef.current?.focus();
    else if (action === 'leave') document.getElementById('pair-heading')?.focus();
    else if (action === 'help') {
      setHelpOpen(true);
      summaryRef.current?.focus();
    }
  };
  const latest = useRef(act);
  latest.current = act;
  useEffect(() => {
    const pressed = (event: KeyboardEvent) => {
      const action = shortcutFor({
        key: event.key, code: event.code, altKey: event.altKey, ctrlKey: event.ctrlKey, metaKey: event.metaKey,
        repeat: event.repeat, inField: isField(event.target),
      });
      if (!action) return;
      event.preventDefault();
      latest.current(action);
    };
    addEventListener('keydown', pressed);
    return () => removeEventListener('keydown', pressed);
  }, []);

  const title = <h1>{t('review.title')}</h1>;
  if (loadError && !queue) {
    const refused = loadError instanceof ApiError && loadError.problem.status === 403;
    return <>{title}{refused ? <p class="muted">{t('common.notForRole')}</p> : <ProblemMessage error={loadError} />}</>;
  }
  if (!queue) return <>{title}<p>{t('common.loading')}</p></>;
  const hiddenCount = queue.filter((p) => !decidable(p)).length;
  const position = pair ? queue.indexOf(pair) : 0;
  return (
    <>
      {title}
      <p>{t('review.intro')}</p>
      <ShortcutList open={helpOpen} onToggle={setHelpOpen} summaryRef={summaryRef} />
      <div class="progress">
        <p id="review-progress">{t('review.progress', { decided, total })}</p>
        <progress aria-labelledby="review-progress" max={Math.max(total, 1)} value={decided} />
        {hiddenCount > 0 && <p class="muted">{t('review.candidateOnlyCount', { count: hiddenCount })}</p>}
        {queue.length >= queueLimit && <p class="muted">{t('review.limited', { count: queueLimit })}</p>}
      </div>
      <p role="status" class="status" data-testid="review-status">{said}</p>
      {loadError !== null && <ProblemMessage error={loadError} />}
      {!pair ? (
        <section aria-labelledby="empty-heading">
          <h2 id="empty-heading">{t('review.empty')}</h2>
          <button type="button" onClick={() => load(decided)}>{t('review.reload')}</button>
        </section>
      ) : (
        <article aria-labelledby="pair-heading" data-testid="review-pair">
          <div class="pair-nav">
            <h2 id="pair-heading" tabIndex={-1}>
              {decidable(pair)
                ? t('review.pairTitle', { left: (pair.left as ReviewRecord).record, right: (pair.right as ReviewRecord).record })
                : t('review.candidateTitle', { record: visibleRecord(pair).record })}
            </h2>
            <span>{t('review.position', { n: position + 1, count: queue.length })}</span>
            <button type="button" aria-keyshortcuts="P" disabled={position === 0} onClick={() => go(-1)}>{t('review.previous')}</button>
            <button type="button" aria-keyshortcuts="N" disabled={position >= queue.length - 1} onClick={() => go(1)}>{t('review.next')}</button>
            <button type="button" class="secondary" onClick={() => load(decided)}>{t('review.reload')}</button>
          </div>
          <QueuedBecause reason={pair as ReviewQueueReason} />
          <PairRecords left={pair.left} right={pair.right} />
          {!decidable(pair) ? (
            <p class="notice" data-testid="candidate-only">{t('review.candidateOnly')}</p>
          ) : (
            <>
              <DecisionForm reason={reason} onReason={setReason} onDecide={decide} busy={busy}
                reasonMissing={reasonMissing} reasonRef={reasonRef} />
              {error !== null && <DecisionProblem error={error} />}
              {pair.explanation && <Explanation explanation={pair.explanation} />}
            </>
          )}
        </article>
      )}
    </>
  );
}
