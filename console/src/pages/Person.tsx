// A person's page: GET /v1/persons/{id} (their data and the list records behind them), the legal
// holds covering them (GET /v1/holds?person=, lifted and expired ones too), their legal acts (GET /v1/acts?person=) and, for the roles that may read them,
// their consent interviews (GET /v1/interviews?person=; a negotiator or observer gets 403, shown
// as "not available to your role" — the notes never reach them), and whether they may be
// transferred to a destination (person/EligibilitySection.tsx). The roles that may act see
// the forms: mediators and admins add and lift holds and record legal acts; a verifier opens
// the interview form (#/persons/P17/interview). The page is read again after each change. The
// fields of international humanitarian law (status, rank, capture) show when present
// (person/IhlDetails.tsx).
import { useState } from 'preact/hooks';
import { getJson } from '../api/client';
import type { Actor, Hold, Interview, LegalAct, Party, PersonDetails, PersonIhl } from '../api/types';
import { useLoad } from '../api/useLoad';
import { ProblemMessage } from '../components/ProblemMessage';
import { section, SectionBody } from '../components/Section';
import { Table } from '../components/Table';
import { useI18n, type MessageKey } from '../i18n';
import { term } from '../i18n/terms';
import { ActForm, actTypeKey, actTypes } from './person/ActForm';
import { EligibilitySection } from './person/EligibilitySection';
import { HoldForm } from './person/HoldForm';
import { IhlDetails } from './person/IhlDetails';
import { LiftForm } from './person/LiftForm';

const managesHolds = new Set(['admin', 'mediator']);
const holdStates = ['in force', 'not yet in force', 'expired', 'lifted'];

export function PersonPage({ id, actor }: { id: string; actor: Actor }) {
  const { t, date, lang } = useI18n();
  const [version, setVersion] = useState(0);
  const [lifting, setLifting] = useState('');
  const [done, setDone] = useState<{ key: MessageKey; values: Record<string, string> } | null>(null);
  const loaded = useLoad(async () => {
    const person = await getJson<PersonDetails & PersonIhl>(`/v1/persons/${encodeURIComponent(id)}`);
    const [holds, acts, interviews, parties] = await Promise.all([
      // By the id the person is known by now (a merged record's page shows the person it joined).
      section(getJson<Hold[]>(`/v1/holds?person=${encodeURIComponent(person.id)}`)),
      section(getJson<LegalAct[]>(`/v1/acts?person=${encodeURIComponent(id)}`)),
      section(getJson<Interview[]>(`/v1/interviews?person=${encodeURIComponent(id)}`)),
      getJson<Party[]>('/v1/parties').catch(() => [] as Party[]),
    ]);
    return { person, holds, acts, interviews, parties };
  }, [id, version]);
  const changed = (key: MessageKey, values: Record<string, string>) => {
    setDone({ key, values });
    setLifting('');
    setVersion((v) => v + 1);
  };
  const mayManage = managesHolds.has(actor.role);
  const back = <p><a href="#/persons">{t('person.back')}</a></p>;
  if (loaded.error) return <>{back}<h1>{t('person.title', { id })}</h1><ProblemMessage error={loaded.error} /></>;
  if (!loaded.data) return <>{back}<h1>{t('person.title', { id })}</h1><p>{t('common.loading')}</p></>;
  const { person, holds, acts, interviews, parties } = loaded.data;
  const list = (values?: string[]) => (values && values.length > 0 ? values.join(', ') : '—');
  return (
    <>
      {back}
      {done && <p class="verified" role="status">{t(done.key, done.values)}</p>}
      <h1>{person.name ? `${person.name} (${person.id})` : t('person.title', { id: person.id })}</h1>
      {person.erased ? <p>{t('person.erased')}</p> : (
        <section aria-labelledby="details-heading">
          <h2 id="details-heading">{t('person.details')}</h2>
          <dl class="details">
            <dt>{t('person.sex')}</dt><dd>{term(lang, person.sex)}</dd>
            <dt>{t('person.born')}</dt><dd>{date(person.date_of_birth)}</dd>
            <dt>{t('person.nationalities')}</dt><dd>{list(person.nationalities)}</dd>
            <dt>{t('person.categories')}</dt><dd>{list(person.categories)}</dd>
            <dt>{t('person.aliases')}</dt><dd>{list(person.aliases)}</dd>
            <dt>{t('person.documents')}</dt>
            <dd>{list((person.documents ?? []).map((d) => [d.type, d.number, d.country].filter(Boolean).join(' ')))}</dd>
          </dl>
          <IhlDetails person={person} />
          <h3>{t('person.custody')}</h3>
          {(person.custody ?? []).length === 0 ? <p class="muted">{t('common.none')}</p> : (
            <Table rows={person.custody ?? []} rowKey={(_, i) => i} columns={[
              { label: t('person.custody.holder'), cell: (c) => c.holder },
              { label: t('person.custody.facility'), cell: (c) => c.facility || '—' },
              { label: t('person.custody.since'), cell: (c) => date(c.since) },
              { label: t('person.custody.status'), cell: (c) => term(lang, c.status) },
            ]} />
          )}
        </section>
      )}

      <section aria-labelledby="records-heading">
        <h2 id="records-heading">{t('person.records')}</h2>
        <Table rows={person.records} rowKey={(r) => r.record} columns={[
          { label: t('person.record.record'), cell: (r) => r.record },
          { label: t('person.record.list'), cell: (r) => r.list },
          { label: t('person.record.party'), cell: (r) => r.party },
          { label: t('person.record.status'), cell: (r) => term(lang, r.reported_status) },
          { label: t('person.record.link'), cell: (r) => r.link },
        ]} />
      </section>

      <section aria-labelledby="holds-heading">
        <h2 id="holds-heading">{t('person.holds')}</h2>
        <SectionBody section={holds}>{(value) => value.length === 0 ? <p class="muted">{t('common.none')}</p> : (
          <Table rows={value} rowKey={(h) => h.id} columns={[
            { label: t('person.hold.id'), cell: (h) => h.id },
            { label: t('person.hold.issuer'), cell: (h) => h.issuer ?? '—' },
            { label: t('person.hold.reference'), cell: (h) => h.reference ?? '—' },
            { label: t('person.hold.from'), cell: (h) => date(h.from) },
            { label: t('person.hold.until'), cell: (h) => date(h.until) },
            { label: t('person.hold.state'), cell: (h) => (holdStates.includes(h.state) ? t(`act.hold.state.${h.state}` as MessageKey) : h.state) },
            ...(mayManage ? [{ label: t('act.lift.column'), cell: (h: Hold) => h.state === 'lifted' ? '—' : (
              <button type="button" class="secondary" onClick={() => setLifting(h.id)}>{t('act.lift.open', { hold: h.id })}</button>
            ) }] : []),
          ]} />
        )}</SectionBody>
        {mayManage && lifting && (
          <LiftForm key={lifting} hold={lifting} onCancel={() => setLifting('')}
            onDone={() => changed('act.lift.done', { hold: lifting })} />
        )}
        {mayManage && !person.erased && (
          <details class="action"><summary>{t('act.hold.add')}</summary>
            <HoldForm person={person.id} onDone={(hold) => changed('act.hold.done', { hold: hold.id })} />
          </details>
        )}
      </section>

      <section aria-labelledby="acts-heading">
        <h2 id="acts-heading">{t('person.acts')}</h2>
        <SectionBody section={acts}>{(value) => value.length === 0 ? <p class="muted">{t('common.none')}</p> : (
          <Table rows={value} rowKey={(a) => a.id} columns={[
            { label: t('person.act.type'), cell: (a) => ((actTypes as readonly string[]).includes(a.type) ? t(actTypeKey(a.type)) : a.type) },
            { label: t('person.act.date'), cell: (a) => date(a.date) },
            { label: t('person.act.authority'), cell: (a) => a.authority },
            { label: t('person.act.statusAfter'), cell: (a) => a.status_after },
          ]} />
        )}</SectionBody>
        {mayManage && !person.erased && (
          <details class="action"><summary>{t('act.legal.add')}</summary>
            <ActForm person={person.id} onDone={(act) => changed('act.legal.done', { act: act.id })} />
          </details>
        )}
      </section>

      <section aria-labelledby="interviews-heading">
        <h2 id="interviews-heading">{t('person.interviews')}</h2>
        <SectionBody section={interviews}>{(value) => value.length === 0 ? <p class="muted">{t('common.none')}</p> : (
          <Table rows={value} rowKey={(iv) => iv.id} columns={[
            { label: t('person.interview.date'), cell: (iv) => date(iv.interviewed_on) },
            { label: t('person.interview.destination'), cell: (iv) => iv.destination },
            { label: t('person.interview.identity'), cell: (iv) => iv.identity },
            { label: t('person.interview.consent'), cell: (iv) => iv.consent },
            { label: t('person.interview.fit'), cell: (iv) => (iv.fit_to_travel ? t('common.yes') : t('common.no')) },
            { label: t('person.interview.current'), cell: (iv) => (iv.current ? t('common.yes') : t('common.no')) },
            { label: t('person.interview.note'), cell: (iv) => iv.note ?? '—' },
          ]} />
        )}</SectionBody>
        {actor.role === 'verifier' && !person.erased && (
          <p><a class="button-link" href={`#/persons/${person.id}/interview`}>{t('act.interview.open')}</a></p>
        )}
      </section>

      <EligibilitySection person={person.id} actor={actor} parties={parties} />
    </>
  );
}
