// "Check entry N": the entry's leaf bytes and inclusion proof fetched, the proof verified here
// against the verified checkpoint's root, and the entry's canonical JSON shown decoded.
import type { RefObject } from 'preact';
import { ProblemMessage } from '../../components/ProblemMessage';
import { useI18n } from '../../i18n';
import type { EntryCheck as Checked } from '../../log/audit';
import { LogCheckError } from '../../log/problem';
import { LogProblemText } from './LogProblemText';

export type EntryOutcome =
  | { kind: 'none' } | { kind: 'busy' } | { kind: 'notNumber' }
  | { kind: 'included'; entry: Checked } | { kind: 'failed'; index: number; error: unknown };

interface LeafEvent { type?: string; actor?: string; party?: string; time?: string; subjects?: string[]; payload_sha256?: string }

function EntryDetails({ entry }: { entry: Checked }) {
  const { t } = useI18n();
  const event = (entry.event ?? {}) as LeafEvent;
  return <>
    <dl class="details">
      <dt>{t('log.entry.type')}</dt><dd>{event.type}</dd>
      <dt>{t('log.entry.actor')}</dt><dd>{event.actor}</dd>
      <dt>{t('log.entry.party')}</dt><dd>{event.party}</dd>
      <dt>{t('log.entry.time')}</dt><dd>{event.time}</dd>
      <dt>{t('log.entry.subjects')}</dt><dd>{(event.subjects ?? []).join(', ')}</dd>
      <dt>{t('log.entry.payload')}</dt><dd><code class="hash">{event.payload_sha256}</code></dd>
    </dl>
    <h3>{t('log.entry.json')}</h3>
    <pre class="raw">{entry.leaf}</pre>
  </>;
}

export function EntryCheck({ size, text, outcome, resultRef, onText, onCheck }: {
  size: number; text: string; outcome: EntryOutcome; resultRef: RefObject<HTMLDivElement | null>;
  onText: (text: string) => void; onCheck: () => void;
}) {
  const { t } = useI18n();
  const max = size - 1;
  return (
    <section aria-labelledby="log-entry-heading">
      <h2 id="log-entry-heading">{t('log.entry.heading')}</h2>
      <form class="decision" onSubmit={(event) => {
        event.preventDefault();
        onCheck();
      }}>
        <label for="log-entry">{t('log.entry.label')}</label>
        <input id="log-entry" type="text" inputMode="numeric" autocomplete="off" value={text}
          aria-describedby="log-entry-hint" aria-invalid={outcome.kind === 'notNumber' ? 'true' : undefined}
          onInput={(event) => onText((event.target as HTMLInputElement).value)} />
        <p id="log-entry-hint" class="hint">{t('log.entry.hint', { max })}</p>
        <div class="buttons"><button type="submit" disabled={outcome.kind === 'busy'}>{t('log.entry.submit')}</button></div>
      </form>
      <div ref={resultRef} tabIndex={-1} data-testid="log-entry-result">
        {outcome.kind === 'busy' && <p>{t('common.loading')}</p>}
        {outcome.kind === 'notNumber' && <p class="field-error" role="alert">{t('log.entry.notNumber', { max })}</p>}
        {outcome.kind === 'included' && <>
          <p class="verified" role="status">{t('log.entry.included', { index: outcome.entry.index, size: outcome.entry.size })}</p>
          <EntryDetails entry={outcome.entry} />
        </>}
        {outcome.kind === 'failed' && (outcome.error instanceof LogCheckError
          ? <div class="alarm" role="alert">
              <p><strong>{t('log.entry.notIncluded', { index: outcome.index })}</strong></p>
              <p><LogProblemText problem={outcome.error} /></p>
            </div>
          : <ProblemMessage error={outcome.error} />)}
      </div>
    </section>
  );
}
