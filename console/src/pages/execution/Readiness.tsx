// Every person of the agreed version and whether they can travel: a summary sentence and a chart
// of the four statuses, then a row per person with the reasons as the reader may read them (a
// delegation reads a personal reason as "not available (confidential)"). For the roles that
// record handovers, each ready person has a box to select them for the handover form.
import { Funnel } from '../../components/Funnel';
import { useI18n } from '../../i18n';
import type { Readiness, ReadinessPerson } from './types';
import { obstacleWord, reasonWord, statusWord } from './words';

const marks: Record<string, string> = { ready: '✓', blocked: '✗', 'not travelling': '–', 'handed over': '➜' };

export function ReadinessTable({ readiness, selectable, selected, onToggle }: {
  readiness: Readiness; selectable: boolean; selected: Set<string>; onToggle: (person: string) => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const c = readiness.counts;
  const why = (p: ReadinessPerson) => {
    if (p.status === 'not travelling' && p.reason) {
      return <>{reasonWord(i18n, p.reason)}{p.note && <span class="muted"> — {p.note}</span>}</>;
    }
    if (p.status === 'blocked') {
      return (
        <ul class="reasons">
          {(p.obstacles ?? []).map((o) => (
            <li key={o.kind + o.reason}>
              {obstacleWord(i18n, o.kind)}
              {o.kind !== 'confidential' && o.reason && <span class="muted" lang="en"> — {o.reason}</span>}
            </li>
          ))}
        </ul>
      );
    }
    return '';
  };
  return (
    <section aria-labelledby="readiness-heading">
      <h2 id="readiness-heading">{t('exec.readiness')}</h2>
      <p data-testid="readiness-summary">{t('exec.readiness.summary', {
        persons: c.persons, ready: c.ready, blocked: c.blocked, notTravelling: c.not_travelling, handedOver: c.handed_over,
      })}</p>
      <Funnel id="readiness-chart" title={t('exec.readiness.chartTitle')}
        description={t('exec.readiness.summary', {
          persons: c.persons, ready: c.ready, blocked: c.blocked, notTravelling: c.not_travelling, handedOver: c.handed_over,
        })}
        steps={(['ready', 'blocked', 'not travelling', 'handed over'] as const).map((status, i) => ({
          label: statusWord(i18n, status), value: [c.ready, c.blocked, c.not_travelling, c.handed_over][i],
        }))} />
      <div class="scroll">
        <table data-testid="readiness">
          <thead><tr>
            {selectable && <th scope="col">{t('exec.col.select')}</th>}
            <th scope="col">{t('exec.col.person')}</th>
            <th scope="col">{t('exec.col.name')}</th>
            <th scope="col">{t('exec.col.route')}</th>
            <th scope="col">{t('exec.col.status')}</th>
            <th scope="col">{t('exec.col.why')}</th>
          </tr></thead>
          <tbody>
            {readiness.persons.map((p) => (
              <tr key={p.person} class={`readiness-${p.status.replace(' ', '-')}`}>
                {selectable && (
                  <td>{p.status === 'ready' && (
                    <input type="checkbox" checked={selected.has(p.person)} onChange={() => onToggle(p.person)}
                      aria-label={t('exec.selectLabel', { person: p.person })} />
                  )}</td>
                )}
                <th scope="row"><a href={`#/persons/${p.person}`}>{p.person}</a></th>
                <td>{p.name ?? '—'}</td>
                <td>{p.from} → {p.to}</td>
                <td><span aria-hidden="true" class="mark">{marks[p.status] ?? '?'}</span> {statusWord(i18n, p.status)}</td>
                <td>{why(p)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
