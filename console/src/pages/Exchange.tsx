// An exchange's page: its sides (blocs) with their rules, its caps and claims (GET
// /v1/exchanges/{id}), the workflow as a picture of its states, the solver's candidates and
// deal, and the proposals as a timeline of versions and counters; for the roles that may, the
// forms that change its sides, rules and claims (exchange/ChangeForms.tsx), and its guarantors and
// observer organisations (exchange/Supporters.tsx). Each part loads on
// its own: a part refused to the role says so and leaves the others readable.
import { useState } from 'preact/hooks';
import { getTagged } from '../api/client';
import type { Actor, ExchangeDetails, ExchangeSupporters } from '../api/types';
import { useLoad } from '../api/useLoad';
import { ProblemMessage } from '../components/ProblemMessage';
import { Table } from '../components/Table';
import { useI18n } from '../i18n';
import { ChangeForms } from './exchange/ChangeForms';
import { NewProposal } from './exchange/NewProposal';
import { SolvePanel } from './exchange/SolvePanel';
import { Supporters } from './exchange/Supporters';
import { Timeline } from './exchange/Timeline';
import { WorkflowPicture } from './exchange/WorkflowPicture';

export function ExchangePage({ id, version, actor }: { id: string; version: string; actor: Actor }) {
  const { t, number, date } = useI18n();
  // The exchange with its ETag: the change forms send it back as If-Match.
  const [revision, setRevision] = useState(0);
  const loaded = useLoad(() => getTagged<ExchangeDetails & ExchangeSupporters>(`/v1/exchanges/${encodeURIComponent(id)}`), [id, revision]);
  const back = <p><a href="#/exchanges">{t('exch.back')}</a></p>;
  if (loaded.error) return <>{back}<h1>{t('exch.title', { id, name: '' })}</h1><ProblemMessage error={loaded.error} /></>;
  if (!loaded.data) return <>{back}<h1>{t('exch.title', { id, name: '' })}</h1><p>{t('common.loading')}</p></>;
  const { value: exchange, etag } = loaded.data;
  const cap = (value: number | null) => (value === null ? t('exch.caps.none') : number(value));
  return (
    <>
      {back}
      <h1>{t('exch.title', { id: exchange.id, name: exchange.name })}</h1>
      <p class="muted">{t('exch.mediatedBy', { party: exchange.mediator, user: exchange.created_by, date: date(exchange.created_at) })}</p>

      <WorkflowPicture id={exchange.id} actor={actor} />

      <section aria-labelledby="exch-sides-heading">
        <h2 id="exch-sides-heading">{t('exch.sides')}</h2>
        <Table rows={exchange.blocs} rowKey={(b) => b.name} rowHeader columns={[
          { label: t('exch.sides.side'), cell: (b) => b.name },
          { label: t('exch.sides.parties'), cell: (b) => b.parties.join(', ') },
          { label: t('exch.sides.rule'), cell: (b) => (b.rule ? t(b.rule.kind === 'count' ? 'exch.rule.count' : b.rule.kind === 'value' ? 'exch.rule.value' : 'exch.rule.none', { ratio: number(b.rule.ratio) }) : t('exch.rule.none')) },
        ]} />
        <dl class="details">
          <dt>{t('exch.caps.objective')}</dt><dd>{exchange.objective}</dd>
          <dt>{t('exch.caps.maxSize')}</dt><dd>{cap(exchange.max_size)}</dd>
          <dt>{t('exch.caps.maxParties')}</dt><dd>{cap(exchange.max_parties)}</dd>
        </dl>
      </section>

      <section aria-labelledby="exch-claims-heading">
        <h2 id="exch-claims-heading">{t('exch.claims')}</h2>
        {exchange.claims.length === 0 ? <p class="muted">{t('common.none')}</p> : (
          <Table rows={exchange.claims} rowKey={(c) => c.claim} columns={[
            { label: t('exch.claims.person'), cell: (c) => (c.name ? `${c.name} (${c.person})` : c.person) },
            { label: t('exch.claims.by'), cell: (c) => c.claimant },
            { label: t('exch.claims.to'), cell: (c) => c.destination },
            { label: t('exch.claims.value'), cell: (c) => number(c.value), numeric: true },
            { label: t('exch.claims.priority'), cell: (c) => number(c.priority), numeric: true },
          ]} />
        )}
      </section>

      <Supporters exchange={exchange} etag={etag} actor={actor} onChanged={() => setRevision((r) => r + 1)} />

      <ChangeForms exchange={exchange} etag={etag} actor={actor} onChanged={() => setRevision((r) => r + 1)} />

      <Timeline exchange={exchange.id} actor={actor} open={version} />

      <NewProposal exchange={exchange} actor={actor} />

      <SolvePanel exchange={exchange.id} />
    </>
  );
}
