// An exchange's or a version's state as words of the chosen language (the API's code when the
// console does not know it: a newer server), and a solver's reason, a confidential one in the
// user's language.
import type { MessageKey } from '../../i18n';
import { useI18n } from '../../i18n';
import type { SolverReason } from '../../api/types';

export function stateLabel(t: (key: MessageKey) => string, state: string): string {
  const key = `exch.state.${state}` as MessageKey;
  const text = t(key);
  return text === undefined ? state : text;
}

export function StateWord({ state }: { state: string }) {
  const { t } = useI18n();
  return <span class={`state state-${state}`}>{stateLabel(t, state)}</span>;
}

export function ReasonText({ reason }: { reason: SolverReason }) {
  const { t } = useI18n();
  if (reason.kind === 'confidential') return <>{t('exch.reason.confidential')}</>;
  return <>{reason.text}</>;
}
