// The latest few events of the verified tree (GET /v1/log/events, as the person's role may read
// them), each with a button that checks that entry.
import { getJson } from '../../api/client';
import { useLoad } from '../../api/useLoad';
import { SectionBody, section } from '../../components/Section';
import { Table } from '../../components/Table';
import { useI18n } from '../../i18n';

interface LogEvent { seq: number; time: string; actor: string; party: string; type: string }
const latest = 10;

export function LatestEvents({ size, onVerify }: { size: number; onVerify: (seq: number) => void }) {
  const { t, moment } = useI18n();
  const from = Math.max(0, size - latest);
  const loaded = useLoad(() => section(getJson<LogEvent[]>(`/v1/log/events?from=${from}&limit=${latest}`)), [from]);
  return (
    <section aria-labelledby="log-events-heading">
      <h2 id="log-events-heading">{t('log.events.heading')}</h2>
      {!loaded.data ? <p>{t('common.loading')}</p> : (
        <SectionBody section={loaded.data}>{(events) => (
          <Table rows={[...events].filter((e) => e.seq < size).reverse()} rowKey={(e) => e.seq} rowHeader columns={[
            { label: t('log.events.seq'), cell: (e) => e.seq, numeric: true },
            { label: t('log.events.time'), cell: (e) => <time dateTime={e.time}>{moment(e.time)}</time> },
            { label: t('log.events.type'), cell: (e) => e.type },
            { label: t('log.events.actor'), cell: (e) => e.actor },
            { label: t('log.events.party'), cell: (e) => e.party },
            { label: t('log.events.check'), cell: (e) => (
              <button type="button" class="secondary" aria-label={t('log.events.verifyLabel', { seq: e.seq })}
                onClick={() => onVerify(e.seq)}>{t('log.events.verify')}</button>
            ) },
          ]} />
        )}</SectionBody>
      )}
    </section>
  );
}
