// Why a pair is in the review queue, in one short sentence (GET /v1/review: `queued_because` and
// `linked`; docs/reconciliation.md, "Why a pair is queued"). A reason the console does not know (a
// newer server) is shown as its code.
import type { ReviewQueueReason } from '../../api/types';
import { useI18n, type MessageKey } from '../../i18n';
import { en } from '../../i18n/en';

export function queuedBecauseKey(reason: ReviewQueueReason): MessageKey | null {
  const code = reason.queued_because;
  if (!code) return null;
  const key = code === 'review_band' ? `rq.review_band.${reason.linked ? 'linked' : 'apart'}` : `rq.${code}`;
  return key in en ? (key as MessageKey) : null;
}

export function QueuedBecause({ reason }: { reason: ReviewQueueReason }) {
  const { t } = useI18n();
  if (!reason.queued_because) return null;
  const key = queuedBecauseKey(reason);
  return (
    <p class="queued-because" data-testid="queued-because">
      <strong>{t('rq.why')}</strong> {key ? t(key) : reason.queued_because}
    </p>
  );
}
