// The count afterwards (GET .../reconciliation): per direction, the funnel agreed → verified →
// handed over, who did not travel and why (as the reader may read it), each party's reported
// count, and every difference named in the reader's language, marked explained or not. The
// same reconciliation is offered as the server's own printable page and as CSV.
import { Table } from '../../components/Table';
import { useI18n, type I18n } from '../../i18n';
import { Funnel } from '../../components/Funnel';
import type { CountDifference, DirectionCounts, Reconciliation } from './types';
import { reasonWord, who } from './words';

function differenceText(i18n: I18n, d: CountDifference): string {
  const values = { who: who(d.person, d.name), party: d.party, count: d.count, reason: reasonWord(i18n, d.reason) };
  switch (d.kind) {
    case 'not_travelling': return i18n.t('exec.diff.not_travelling', values);
    case 'no_outcome': return i18n.t('exec.diff.no_outcome', values);
    case 'extra': return i18n.t('exec.diff.extra', values);
    case 'not_handed_over': return i18n.t('exec.diff.not_handed_over', values);
    case 'not_in_report': return i18n.t('exec.diff.not_in_report', values);
    case 'count_unexplained': return i18n.t('exec.diff.count_unexplained', values);
    default: return d.text;  // a kind this console does not know: the server's own sentence
  }
}

function Direction({ direction, index }: { direction: DirectionCounts; index: number }) {
  const i18n = useI18n();
  const { t, moment } = i18n;
  const d = direction;
  const name = t('exec.direction', { from: d.from, to: d.to });
  return (
    <section aria-labelledby={`direction-${index}`} class="direction">
      <h3 id={`direction-${index}`}>{name}</h3>
      <Funnel id={`funnel-${index}`} title={t('exec.funnel.title', { from: d.from, to: d.to })}
        description={t('exec.funnel.desc', { agreed: d.agreed, verified: d.verified, handedOver: d.handed_over })}
        emphasiseLast steps={[
          { label: t('exec.funnel.agreed'), value: d.agreed },
          { label: t('exec.funnel.verified'), value: d.verified },
          { label: t('exec.funnel.handedOver'), value: d.handed_over },
        ]} />
      <h4>{t('exec.reported')}</h4>
      {d.reported.length === 0 ? <p class="muted">{t('exec.reported.none')}</p> : (
        <Table rows={d.reported} rowKey={(r) => r.party} rowHeader columns={[
          { label: t('exec.col.party'), cell: (r) => r.party },
          { label: t('exec.col.count'), cell: (r) => i18n.number(r.count), numeric: true },
          { label: t('exec.col.withList'), cell: (r) => (r.has_persons ? t('common.yes') : t('common.no')) },
          { label: t('exec.col.reportedAt'), cell: (r) => moment(r.reported_at) },
          { label: t('exec.col.unexplained'), cell: (r) => i18n.number(r.unexplained), numeric: true },
        ]} />
      )}
      <h4>{t('exec.differences')}</h4>
      {d.differences.length === 0 ? <p class="muted">{t('exec.differences.none')}</p> : (
        <ul class="differences" data-testid={`differences-${d.from}-${d.to}`}>
          {d.differences.map((difference, i) => (
            <li key={i} class={difference.explained ? 'explained' : 'unexplained'}>
              <span class="mark" aria-hidden="true">{difference.explained ? '✓' : '!'}</span>{' '}
              {differenceText(i18n, difference)}{' '}
              <span class="muted">({difference.explained ? t('exec.diff.explained') : t('exec.diff.unexplained')})</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function ReconciliationView({ reconciliation }: { reconciliation: Reconciliation }) {
  const { t } = useI18n();
  const base = `/v1/exchanges/${reconciliation.exchange}/reconciliation`;
  return (
    <section aria-labelledby="reconciliation-heading">
      <h2 id="reconciliation-heading">{t('exec.reconciliation')}</h2>
      <p data-testid="reconciliation-verdict">{reconciliation.unexplained === 0
        ? t('exec.reconciliation.allNamed')
        : t('exec.reconciliation.unexplained', { count: reconciliation.unexplained })}</p>
      <p class="no-print">
        <a href={`${base}?format=html`} target="_blank" rel="noopener">{t('exec.printHtml')}</a>
        {' · '}
        <a href={`${base}?format=csv`} download={`${reconciliation.exchange}-reconciliation.csv`}>{t('exec.csv')}</a>
      </p>
      {reconciliation.directions.map((direction, index) => <Direction key={`${direction.from}>${direction.to}`} direction={direction} index={index} />)}
    </section>
  );
}
