// The overview: the exchanges under way as funnels (overview/UnderWay.tsx), parties, lists
// (kind, party, rows, the file's hash), and the reconciliation's counts per party as the
// caller's role may read them (GET /v1/link/status), as a chart and a table.
import { getJson } from '../api/client';
import type { ListInfo, Party, ReconciliationCounts, Summary } from '../api/types';
import { useLoad } from '../api/useLoad';
import { BarChart } from '../components/BarChart';
import { ProblemMessage } from '../components/ProblemMessage';
import { section, SectionBody, type Section } from '../components/Section';
import { Table } from '../components/Table';
import { useI18n } from '../i18n';
import { term } from '../i18n/terms';
import { UnderWay } from './overview/UnderWay';

interface OverviewData {
  summary: Section<Summary>; parties: Section<Party[]>; lists: Section<ListInfo[]>; counts: Section<ReconciliationCounts>;
}

export function Overview() {
  const i18n = useI18n();
  const { t, number, lang } = i18n;
  const loaded = useLoad<OverviewData>(async () => {
    const [summary, parties, lists, counts] = await Promise.all([
      section(getJson<Summary>('/v1/summary')),
      section(getJson<Party[]>('/v1/parties')),
      section(getJson<ListInfo[]>('/v1/lists')),
      section(getJson<ReconciliationCounts>('/v1/link/status')),
    ]);
    return { summary, parties, lists, counts };
  }, []);
  if (loaded.error) return <><h1>{t('overview.title')}</h1><ProblemMessage error={loaded.error} /></>;
  if (!loaded.data) return <><h1>{t('overview.title')}</h1><p>{t('common.loading')}</p></>;
  const { summary, parties, lists, counts } = loaded.data;
  return (
    <>
      <h1>{t('overview.title')}</h1>
      <SectionBody section={summary}>{(value) => (
        <dl class="figures">
          <div><dt>{t('overview.persons')}</dt><dd>{number(value.persons)}</dd></div>
          <div><dt>{t('overview.events')}</dt><dd>{number(value.events)}</dd></div>
        </dl>
      )}</SectionBody>

      <UnderWay />

      <section aria-labelledby="rec-heading">
        <h2 id="rec-heading">{t('overview.reconciliation')}</h2>
        <p>{t('overview.reconciliation.intro')}</p>
        <SectionBody section={counts}>{(counts) => <>
        <BarChart
          title={t('overview.chart.title')}
          description={t('overview.chart.desc')}
          categories={counts.parties.map((p) => p.party)}
          series={[
            { name: t('overview.rec.onRoster'), className: 'series-a', values: counts.parties.map((p) => p.on_roster) },
            { name: t('overview.rec.claimed'), className: 'series-b', values: counts.parties.map((p) => p.claimed_or_documented) },
          ]}
        />
        <Table rows={counts.parties} rowKey={(p) => p.party} rowHeader columns={[
          { label: t('overview.rec.party'), cell: (p) => p.party },
          { label: t('overview.rec.onRoster'), cell: (p) => number(p.on_roster), numeric: true },
          { label: t('overview.rec.claimed'), cell: (p) => number(p.claimed_or_documented), numeric: true },
          { label: t('overview.rec.byStatus'), cell: (p) => Object.entries(p.by_status).map(([status, n]) => `${term(lang, status)}: ${number(n)}`).join(', ') },
        ]} />
        <p>{t('overview.rec.reviewQueue', { count: counts.review_queue })}</p>
        </>}</SectionBody>
      </section>

      <section aria-labelledby="parties-heading">
        <h2 id="parties-heading">{t('overview.parties')}</h2>
        <SectionBody section={parties}>{(parties) => (
        <Table rows={parties} rowKey={(p) => p.code} rowHeader columns={[
          { label: t('overview.party.code'), cell: (p) => p.code },
          { label: t('overview.party.name'), cell: (p) => p.name },
          { label: t('overview.party.kind'), cell: (p) => term(lang, p.kind) },
        ]} />
        )}</SectionBody>
      </section>

      <section aria-labelledby="lists-heading">
        <h2 id="lists-heading">{t('overview.lists')}</h2>
        <SectionBody section={lists}>{(lists) => (
        <Table rows={lists} rowKey={(l) => l.id} rowHeader columns={[
          { label: t('overview.list.id'), cell: (l) => l.id },
          { label: t('overview.list.kind'), cell: (l) => term(lang, l.kind) },
          { label: t('overview.list.party'), cell: (l) => l.party },
          { label: t('overview.list.rows'), cell: (l) => number(l.records), numeric: true },
          { label: t('overview.list.hash'), cell: (l) => <code class="hash">{l.file_sha256}</code> },
        ]} />
        )}</SectionBody>
      </section>
    </>
  );
}
