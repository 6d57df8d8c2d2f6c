// A failed log check (src/log/problem.ts) in the user's language.
import { useI18n, type MessageKey } from '../../i18n';
import type { LogCheckError } from '../../log/problem';

export function LogProblemText({ problem }: { problem: LogCheckError }) {
  const { t } = useI18n();
  return <>{t(`logcheck.${problem.code}` as MessageKey, problem.values)}</>;
}
