// The stage shown (GET /v1/exchanges/{id}/stages/{n}): its plan — name, day, place — its state
// with when it started and completed, how many times it was moved and the last reason given, and
// its persons per direction. Its readiness and count follow on the page (?stage=N).
import type { Stage } from '../../api/types';
import { useI18n } from '../../i18n';
import { stageCounts, stageStateWord } from './stageWords';

export function StageDetails({ stage }: { stage: Stage }) {
  const i18n = useI18n();
  const { t, date, moment, number } = i18n;
  return (
    <section aria-labelledby="stage-heading" data-testid="stage-details">
      <h2 id="stage-heading">{t('stg.title', { n: stage.stage, name: stage.name })}</h2>
      <dl class="details">
        <dt>{t('stg.col.date')}</dt><dd>{date(stage.date)}</dd>
        <dt>{t('stg.col.place')}</dt><dd>{stage.place || '—'}</dd>
        <dt>{t('stg.col.state')}</dt><dd data-testid="stage-state">{stageStateWord(i18n, stage)}</dd>
        {stage.postponed_reason && <><dt>{t('stg.lastReason')}</dt><dd>{stage.postponed_reason}</dd></>}
        <dt>{t('stg.startedAt')}</dt><dd>{moment(stage.started_at)}</dd>
        <dt>{t('stg.completedAt')}</dt><dd>{moment(stage.completed_at)}</dd>
        <dt>{t('stg.col.persons')}</dt><dd>{stageCounts(i18n, stage.counts)}</dd>
        <dt>{t('stg.col.handedOver')}</dt><dd>{number(stage.handed_over)}</dd>
        <dt>{t('stg.col.notTravelling')}</dt><dd>{number(stage.not_travelling)}</dd>
      </dl>
      <p class="hint">{t('stg.countHint')}</p>
    </section>
  );
}
