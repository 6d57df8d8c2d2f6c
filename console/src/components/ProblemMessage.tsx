import { problemMessage } from '../api/problems';
import { useI18n } from '../i18n';

// A failure in the user's language, the server's own detail under it.
export function ProblemMessage({ error }: { error: unknown }) {
  const i18n = useI18n();
  const { message, detail } = problemMessage(error, i18n);
  return (
    <div class="problem" role="alert">
      <p>{message}</p>
      {detail && <p class="detail"><span>{i18n.t('problem.serverSaid')}</span> <q>{detail}</q></p>}
    </div>
  );
}
