// The exchanges under way on the overview: for each exchange the caller may read that has an
// agreed version, the funnel agreed → verified → handed over of each direction (from
// GET /v1/exchanges/{id}/reconciliation), and a link to its execution page. An exchange still
// negotiating has no agreed version (the API answers 422) and is left out; so is one the role
// may not read.
import { getJson } from '../../api/client';
import { useLoad } from '../../api/useLoad';
import { Funnel } from '../../components/Funnel';
import { useI18n } from '../../i18n';
import { stateLabel } from '../exchange/words';
import type { Reconciliation } from '../execution/types';

interface ExchangeItem { id: string; name: string }

async function underWay(): Promise<Reconciliation[]> {
  const exchanges = await getJson<ExchangeItem[]>('/v1/exchanges');
  const answers = await Promise.all(exchanges.map((x) =>
    getJson<Reconciliation>(`/v1/exchanges/${x.id}/reconciliation`).catch(() => null)));
  return answers.filter((r): r is Reconciliation => r !== null && r.state !== 'collapsed');
}

export function UnderWay() {
  const { t } = useI18n();
  const loaded = useLoad(() => underWay().catch(() => [] as Reconciliation[]), []);
  const exchanges = loaded.data ?? [];
  if (exchanges.length === 0) return null;
  return (
    <section aria-labelledby="under-way-heading">
      <h2 id="under-way-heading">{t('overview.underWay')}</h2>
      {exchanges.map((x) => (
        <div key={x.exchange} class="under-way">
          <h3>{t('overview.underWay.exchange', { exchange: x.exchange, name: x.name, state: stateLabel(t, x.state) })}</h3>
          {x.directions.map((d, i) => (
            <Funnel key={`${d.from}>${d.to}`} id={`under-way-${x.exchange}-${i}`} emphasiseLast
              title={t('exec.funnel.title', { from: d.from, to: d.to })}
              description={t('exec.funnel.desc', { agreed: d.agreed, verified: d.verified, handedOver: d.handed_over })}
              steps={[
                { label: t('exec.funnel.agreed'), value: d.agreed },
                { label: t('exec.funnel.verified'), value: d.verified },
                { label: t('exec.funnel.handedOver'), value: d.handed_over },
              ]} />
          ))}
          <p><a href={`#/execution/${x.exchange}`}>{t('overview.underWay.open', { exchange: x.exchange })}</a></p>
        </div>
      ))}
    </section>
  );
}
