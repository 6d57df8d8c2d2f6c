// The stages of an exchange (GET /v1/exchanges/{id}/stages): number, name, day, place, state,
// persons per direction, handed over and not travelling, each with a link to its own readiness
// and count (#/execution/X1?stage=N), and one back to the whole exchange. An exchange with no
// stage is executed as one, and the list says so.
import type { Stage } from '../../api/types';
import { Table } from '../../components/Table';
import { useI18n } from '../../i18n';
import { stageCounts, stageStateWord } from './stageWords';

export function StageList({ exchange, stages, current }: { exchange: string; stages: Stage[]; current: string }) {
  const i18n = useI18n();
  const { t, date, number } = i18n;
  return (
    <section aria-labelledby="stages-heading">
      <h2 id="stages-heading">{t('stg.heading')}</h2>
      {stages.length === 0 ? <p class="muted">{t('stg.none')}</p> : (
        <div data-testid="stages">
          <Table rows={stages} rowKey={(s) => s.stage} rowHeader columns={[
            { label: t('stg.col.stage'), cell: (s) => (
              <a href={`#/execution/${exchange}?stage=${s.stage}`} aria-current={String(s.stage) === current ? 'page' : undefined}>
                {t('stg.title', { n: s.stage, name: s.name })}
              </a>
            ) },
            { label: t('stg.col.date'), cell: (s) => date(s.date) },
            { label: t('stg.col.place'), cell: (s) => s.place || '—' },
            { label: t('stg.col.state'), cell: (s) => stageStateWord(i18n, s) },
            { label: t('stg.col.persons'), cell: (s) => stageCounts(i18n, s.counts) },
            { label: t('stg.col.handedOver'), cell: (s) => number(s.handed_over), numeric: true },
            { label: t('stg.col.notTravelling'), cell: (s) => number(s.not_travelling), numeric: true },
          ]} />
        </div>
      )}
      {current && <p><a href={`#/execution/${exchange}`}>{t('stg.whole')}</a></p>}
    </section>
  );
}
