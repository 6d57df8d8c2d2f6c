// A stage as the chosen language says it: its state ("planned", "started", "completed", and a
// planned stage moved to a later day said as postponed, how many times), and its persons per
// direction ("SLV → VEN: 3"). A state the console does not know (a newer server) is shown as it is.
import type { Stage } from '../../api/types';
import type { I18n, MessageKey } from '../../i18n';
import { en } from '../../i18n/en';

export function stageStateWord(i18n: I18n, stage: Pick<Stage, 'state' | 'postponements'>): string {
  const key = `stg.state.${stage.state}`;
  const word = key in en ? i18n.t(key as MessageKey) : stage.state;
  return stage.state === 'planned' && stage.postponements > 0
    ? i18n.t('stg.state.postponedTimes', { state: word, count: stage.postponements }) : word;
}

export function stageCounts(i18n: I18n, counts: Record<string, number>): string {
  const parts = Object.entries(counts).map(([direction, n]) => `${direction.replace('>', ' → ')}: ${i18n.number(n)}`);
  return parts.length > 0 ? parts.join('; ') : i18n.t('stg.noPersons');
}
