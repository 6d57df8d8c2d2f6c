// The lists page (#/lists): every imported list the caller may read (GET /v1/lists) with its
// file's SHA-256, party, kind, rows and status — "superseded" when a later version of the same
// kind, source and party replaced it (GET /v1/summary, reconciliation.superseded_lists) — and,
// for the roles that may import (admin, mediator; a negotiator or verifier for its own party),
// the form
// that checks a file and then imports it (lists/ImportForm.tsx).
import { useState } from 'preact/hooks';
import { getJson, getPage } from '../api/client';
import type { Actor, ListRow, Party } from '../api/types';
import { useLoad } from '../api/useLoad';
import { ProblemMessage } from '../components/ProblemMessage';
import { section, SectionBody } from '../components/Section';
import { Table } from '../components/Table';
import { useI18n } from '../i18n';
import { term } from '../i18n/terms';
import { ImportForm } from './lists/ImportForm';

const importers = new Set(['admin', 'mediator', 'negotiator', 'verifier']);

export function ListsPage({ actor }: { actor: Actor }) {
  const { t, date, number, lang } = useI18n();
  const [version, setVersion] = useState(0);
  const [fresh, setFresh] = useState('');
  const loaded = useLoad(async () => {
    const [lists, superseded, parties] = await Promise.all([
      section(getPage<ListRow[]>('/v1/lists?limit=1000').then((page) => page.items)),
      getJson<{ reconciliation?: { superseded_lists?: string[] } }>('/v1/summary').then(
        (summary) => new Set(summary.reconciliation?.superseded_lists ?? []),
        () => null, // unknown: the status then says neither current nor superseded
      ),
      getJson<Party[]>('/v1/parties').catch(() => [] as Party[]),
    ]);
    return { lists, superseded, parties };
  }, [version]);
  const status = (row: ListRow, superseded: Set<string> | null) => {
    const words = superseded ? [superseded.has(row.id) ? t('act.lists.status.superseded') : t('act.lists.status.current')] : [];
    if (row.rejected > 0) words.push(t('act.lists.status.skipped', { count: row.rejected }));
    return words.length > 0 ? words.join('; ') : '—';
  };
  return (
    <>
      <h1>{t('act.lists.title')}</h1>
      {loaded.error ? <ProblemMessage error={loaded.error} /> : !loaded.data ? <p>{t('common.loading')}</p> : (
        <section aria-labelledby="lists-heading" class="lists">
          <h2 id="lists-heading">{t('act.lists.imported')}</h2>
          <SectionBody section={loaded.data.lists}>{(lists) => lists.length === 0 ? <p class="muted">{t('common.none')}</p> : (
            <Table rows={lists} rowKey={(l) => l.id} rowHeader columns={[
              { label: t('act.lists.id'), cell: (l) => <span class={l.id === fresh ? 'fresh' : undefined}>{l.id}</span> },
              { label: t('act.lists.file'), cell: (l) => <span class="file">{l.file_name}</span> },
              { label: t('act.lists.source'), cell: (l) => l.source },
              { label: t('act.lists.party'), cell: (l) => l.party },
              { label: t('act.lists.kind'), cell: (l) => term(lang, l.kind) },
              { label: t('act.lists.rows'), cell: (l) => number(l.records), numeric: true },
              { label: t('act.lists.status'), cell: (l) => status(l, loaded.data!.superseded) },
              { label: t('act.lists.importedAt'), cell: (l) => date(l.imported_at) },
              { label: t('act.lists.sha256'), cell: (l) => <code class="hash">{l.file_sha256}</code> },
            ]} />
          )}</SectionBody>
        </section>
      )}
      {importers.has(actor.role) && (
        <ImportForm actor={actor} parties={loaded.data?.parties ?? []} onImported={(id) => {
          setFresh(id);
          setVersion((v) => v + 1);
        }} />
      )}
    </>
  );
}
