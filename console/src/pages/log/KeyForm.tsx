// The field where the person pastes the log's verifier key, with why it must come from the
// mediator and not from this server; a key that is not well formed is said under the field.
import { useState } from 'preact/hooks';
import { useI18n } from '../../i18n';
import type { LogCheckError } from '../../log/problem';
import { LogProblemText } from './LogProblemText';

export function KeyForm({ initial, problem, busy, onSubmit }: {
  initial: string; problem: LogCheckError | null; busy: boolean; onSubmit: (text: string) => void;
}) {
  const { t } = useI18n();
  const [text, setText] = useState(initial);
  return (
    <section aria-labelledby="log-key-heading">
      <h2 id="log-key-heading">{t('log.key.heading')}</h2>
      <p>{t('log.key.why')}</p>
      <form class="decision" onSubmit={(event) => {
        event.preventDefault();
        onSubmit(text);
      }}>
        <label for="log-vkey">{t('log.key.label')}</label>
        <input id="log-vkey" type="text" spellcheck={false} autocomplete="off" value={text}
          aria-describedby={problem ? 'log-vkey-hint log-vkey-error' : 'log-vkey-hint'}
          aria-invalid={problem ? 'true' : undefined}
          onInput={(event) => setText((event.target as HTMLInputElement).value)} />
        <p id="log-vkey-hint" class="hint">{t('log.key.hint')}</p>
        {problem && <p id="log-vkey-error" class="field-error" role="alert"><LogProblemText problem={problem} /></p>}
        <div class="buttons">
          <button type="submit" disabled={busy}>{busy ? t('log.key.working') : t('log.key.submit')}</button>
        </div>
      </form>
    </section>
  );
}
