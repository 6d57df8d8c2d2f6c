// The checkpoint the server sent, as checked with the person's key: verified (origin, size, root)
// or exactly why not (then only "what the server sent", marked not verified); and whether the
// log only grew since the checkpoint this browser verified last — a log that shrank or was
// rewritten is said as a warning with both sizes and roots.
import type { CheckpointCheck, Growth } from '../../log/audit';
import { useI18n } from '../../i18n';
import type { VerifierKey } from '../../log/vkey';
import { LogProblemText } from './LogProblemText';

function GrowthReport({ growth, size, root, onForget }: { growth: Growth; size: number; root: string; onForget: () => void }) {
  const { t } = useI18n();
  if (growth.kind === 'first') return <p class="notice">{t('log.growth.first')}</p>;
  if (growth.kind === 'same') return <p class="verified" role="status">{t('log.growth.same', { size })}</p>;
  const values = { oldSize: growth.kept.size, oldRoot: growth.kept.root, newSize: size, newRoot: root };
  if (growth.kind === 'grew') return <p class="verified" role="status">{t('log.growth.grew', values)}</p>;
  return (
    <div class="alarm" role="alert">
      <p><strong>{t(growth.kind === 'shrank' ? 'log.growth.shrank' : 'log.growth.forked', values)}</strong></p>
      {growth.kind === 'forked' && <p><LogProblemText problem={growth.problem} /></p>}
      <p class="hint">{t('log.growth.forgetHint')}</p>
      <button type="button" class="secondary" onClick={onForget}>{t('log.growth.forget')}</button>
    </div>
  );
}

export function CheckpointReport({ check, vkey, onForget }: { check: CheckpointCheck; vkey: VerifierKey; onForget: () => void }) {
  const { t, number } = useI18n();
  const { checkpoint, growth, problem } = check;
  return (
    <section aria-labelledby="log-checkpoint-heading">
      <h2 id="log-checkpoint-heading">{t('log.checkpoint.heading')}</h2>
      {checkpoint && growth ? <>
        <p class="verified" role="status" data-testid="log-verified">{t('log.verified', { key: vkey.line })}</p>
        <dl class="details">
          <dt>{t('log.checkpoint.origin')}</dt><dd>{checkpoint.origin}</dd>
          <dt>{t('log.checkpoint.size')}</dt><dd data-testid="log-size">{number(checkpoint.size)}</dd>
          <dt>{t('log.checkpoint.root')}</dt><dd><code class="hash">{checkpoint.rootBase64}</code></dd>
        </dl>
        <GrowthReport growth={growth} size={checkpoint.size} root={checkpoint.rootBase64} onForget={onForget} />
      </> : <>
        <div class="alarm" role="alert" data-testid="log-not-verified">
          <p><strong>{t('log.notVerified')}</strong></p>
          {problem && <p><LogProblemText problem={problem} /></p>}
        </div>
        <h3>{t('log.sent')}</h3>
        <pre class="raw">{check.note}</pre>
      </>}
    </section>
  );
}
