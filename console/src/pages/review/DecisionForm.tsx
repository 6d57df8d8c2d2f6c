// The decision on the pair shown: a reason (required: the form says so in words, beside the
// field, and sends nothing without one) and two buttons, "same person" and "different persons".
// The reason lives in the page, so that a refused decision keeps what was typed.
import type { Ref } from 'preact';
import { useI18n } from '../../i18n';

export type Decision = 'same' | 'different';

export function DecisionForm({ reason, onReason, onDecide, busy, reasonMissing, reasonRef }: {
  reason: string; onReason: (text: string) => void; onDecide: (decision: Decision) => void;
  busy: boolean; reasonMissing: boolean; reasonRef: Ref<HTMLTextAreaElement>;
}) {
  const { t } = useI18n();
  return (
    <form class="decision" aria-labelledby="decision-heading" noValidate onSubmit={(event) => event.preventDefault()}>
      <h2 id="decision-heading">{t('review.decide')}</h2>
      <label for="review-reason">{t('review.reason')}</label>
      <p class="hint" id="review-reason-hint">{t('review.reason.hint')}</p>
      <textarea id="review-reason" ref={reasonRef} rows={2} value={reason} aria-required="true"
        aria-invalid={reasonMissing ? 'true' : undefined}
        aria-describedby={reasonMissing ? 'review-reason-missing review-reason-hint' : 'review-reason-hint'}
        onInput={(event) => onReason((event.target as HTMLTextAreaElement).value)} />
      {reasonMissing && <p class="field-error" id="review-reason-missing">{t('review.reason.missing')}</p>}
      <div class="buttons">
        <button type="button" aria-keyshortcuts="S" disabled={busy} onClick={() => onDecide('same')}>
          {t('review.same')} <kbd aria-hidden="true">S</kbd>
        </button>
        <button type="button" aria-keyshortcuts="D" disabled={busy} onClick={() => onDecide('different')}>
          {t('review.different')} <kbd aria-hidden="true">D</kbd>
        </button>
      </div>
    </form>
  );
}
