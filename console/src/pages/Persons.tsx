// The person search: a name fragment, searched as it is typed (after a short pause:
// GET /v1/persons?name=...&limit=50), the results as a table. Arrow keys move through the rows
// (from the search field too), Enter or a click opens a person. The fragment is kept in the URL.
import { useEffect, useRef, useState } from 'preact/hooks';
import { getPage, type Page } from '../api/client';
import type { Person } from '../api/types';
import { ProblemMessage } from '../components/ProblemMessage';
import { useI18n } from '../i18n';
import { term } from '../i18n/terms';
import { replacePersonsQuery } from '../route';

const pageSize = 50;
const pauseMs = 250;

export function Persons({ initialQuery }: { initialQuery: string }) {
  const { t, date, lang } = useI18n();
  const [query, setQuery] = useState(initialQuery);
  const [result, setResult] = useState<{ page?: Page<Person[]>; error?: unknown; loading: boolean }>({ loading: false });
  const rows = useRef<HTMLTableSectionElement>(null);

  useEffect(() => {
    const fragment = query.trim();
    replacePersonsQuery(query);
    if (!fragment) {
      setResult({ loading: false });
      return;
    }
    let current = true;
    setResult((previous) => ({ page: previous.page, loading: true }));
    const timer = setTimeout(() => {
      getPage<Person[]>(`/v1/persons?name=${encodeURIComponent(fragment)}&limit=${pageSize}`).then(
        (page) => current && setResult({ page, loading: false }),
        (error) => current && setResult({ error, loading: false }),
      );
    }, pauseMs);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [query]);

  const focusRow = (index: number) => {
    const all = rows.current?.querySelectorAll<HTMLTableRowElement>('tr');
    if (!all || all.length === 0) return;
    all[Math.max(0, Math.min(index, all.length - 1))].focus();
  };
  const onRowKey = (event: KeyboardEvent, index: number, id: string) => {
    if (event.key === 'ArrowDown') { event.preventDefault(); focusRow(index + 1); }
    else if (event.key === 'ArrowUp') {
      event.preventDefault();
      if (index === 0) document.getElementById('persons-search')?.focus();
      else focusRow(index - 1);
    } else if (event.key === 'Home') { event.preventDefault(); focusRow(0); }
    else if (event.key === 'End') { event.preventDefault(); focusRow(Number.MAX_SAFE_INTEGER); }
    else if (event.key === 'Enter') { event.preventDefault(); location.hash = `#/persons/${id}`; }
  };

  const persons = result.page?.items ?? [];
  return (
    <>
      <h1>{t('persons.title')}</h1>
      <form role="search" onSubmit={(event) => event.preventDefault()}>
        <label for="persons-search">{t('persons.search')}</label>
        <input id="persons-search" type="search" autoComplete="off" value={query} aria-describedby="persons-hint"
          onInput={(event) => setQuery((event.target as HTMLInputElement).value)}
          onKeyDown={(event) => {
            if (event.key === 'ArrowDown') { event.preventDefault(); focusRow(0); }
          }} />
        <p id="persons-hint" class="hint">{t('persons.searchHint')}</p>
      </form>
      <div aria-live="polite" class="status">
        {result.loading && t('common.loading')}
        {!result.loading && result.page && (persons.length === 0 ? t('persons.noResults') : t('persons.results', { count: persons.length }))}
        {!result.loading && result.page?.hasMore && <> {t('persons.moreResults', { count: pageSize })}</>}
      </div>
      {result.error !== undefined && <ProblemMessage error={result.error} />}
      {persons.length > 0 && (
        <div class="scroll">
          <table id="persons-results" class="results">
            <thead><tr>
              <th scope="col">{t('persons.id')}</th>
              <th scope="col">{t('persons.name')}</th>
              <th scope="col">{t('persons.born')}</th>
              <th scope="col">{t('persons.nationalities')}</th>
              <th scope="col">{t('persons.holder')}</th>
              <th scope="col">{t('persons.status')}</th>
            </tr></thead>
            <tbody ref={rows}>
              {persons.map((person, index) => (
                <tr key={person.id} tabIndex={0} onKeyDown={(event) => onRowKey(event, index, person.id)}
                  onClick={() => { location.hash = `#/persons/${person.id}`; }}>
                  <td><a href={`#/persons/${person.id}`} tabIndex={-1}>{person.id}</a></td>
                  <td>{person.name ?? '—'}</td>
                  <td>{date(person.date_of_birth)}</td>
                  <td>{(person.nationalities ?? []).join(', ')}</td>
                  <td>{(person.custody ?? []).map((c) => c.holder).join(', ')}</td>
                  <td>{(person.custody ?? []).map((c) => term(lang, c.status)).join(', ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
