// A stage route's refusal in the user's language (docs/api.md, "Stages"): what could not be done
// and that nothing was written, by the action and the answer's status (400, a day or person the
// stage cannot take; 422, a move its state or its persons do not allow), with the server's own
// detail under it (which names the persons or the state at fault). Other failures (a bad field,
// the network) as every form shows them.
import { ApiError } from '../../api/client';
import { ProblemMessage } from '../../components/ProblemMessage';
import { useI18n, type MessageKey } from '../../i18n';

export type StageAction = 'add' | 'assign' | 'start' | 'complete' | 'postpone';

function keyFor(action: StageAction, status: number): MessageKey | null {
  if (status === 403) return 'stg.refused.role';
  if (status === 404) return 'stg.refused.notFound';
  if (status === 409) return 'stg.refused.conflict';
  if (status === 400 || status === 422) return `stg.refused.${action}` as MessageKey;
  return null;
}

export function StageProblem({ action, error }: { action: StageAction; error: unknown }) {
  const { t } = useI18n();
  if (error === null) return null;
  const key = error instanceof ApiError ? keyFor(action, error.problem.status) : null;
  if (!key) return <ProblemMessage error={error} />;
  const detail = (error as ApiError).problem.detail;
  return (
    <div class="problem" role="alert" data-testid="stage-refusal">
      <p>{t(key)} {t('stg.refused.nothingWritten')}</p>
      {detail && <p class="detail"><span>{t('problem.serverSaid')}</span> <q>{detail}</q></p>}
    </div>
  );
}
