// A party's own count of one direction, once the exchange is executing (POST .../reports): a
// negotiator for its own party, the mediator for any. With a list of persons every difference is
// named person by person. What was typed stays on any error.
import { useState } from 'preact/hooks';
import { postJson } from '../../api/client';
import { useSubmit } from '../../api/useSubmit';
import type { Actor } from '../../api/types';
import { ProblemMessage } from '../../components/ProblemMessage';
import { useI18n } from '../../i18n';

export function ReportForm({ exchange, actor, parties, directions, onRecorded }: {
  exchange: string; actor: Actor; parties: string[]; directions: string[]; onRecorded: () => void;
}) {
  const { t } = useI18n();
  const own = actor.role === 'negotiator';
  const [party, setParty] = useState(own ? actor.party : parties[0] ?? '');
  const [direction, setDirection] = useState(directions[0] ?? '');
  const [count, setCount] = useState('');
  const [persons, setPersons] = useState('');
  const [note, setNote] = useState('');
  const [badCount, setBadCount] = useState(false);
  const [recorded, setRecorded] = useState('');
  const { pending: sending, error, send } = useSubmit();

  const submit = async (event: Event) => {
    event.preventDefault();
    setRecorded('');
    if (!/^\d+$/.test(count.trim())) {
      setBadCount(true);
      return;
    }
    setBadCount(false);
    const listed = persons.split(/[\s,]+/).map((p) => p.trim()).filter(Boolean);
    const body = {
      party, direction, count: Number(count.trim()),
      ...(listed.length > 0 ? { persons: listed } : {}),
      ...(note.trim() ? { note: note.trim() } : {}),
    };
    if (await send((key) => postJson(`/v1/exchanges/${exchange}/reports`, body, key), body)) {
      setRecorded(t('exec.report.recorded', { party, count: body.count, direction }));
      onRecorded();
    }
  };

  return (
    <section aria-labelledby="report-heading" class="no-print">
      <h2 id="report-heading">{t('exec.report.heading')}</h2>
      <p class="hint">{t('exec.report.intro')}</p>
      <form class="stacked" onSubmit={submit} noValidate>
        <label for="report-party">{t('exec.report.party')}</label>
        <select id="report-party" value={party} disabled={own} onChange={(e) => setParty((e.target as HTMLSelectElement).value)}>
          {(own ? [actor.party] : parties).map((p) => <option key={p} value={p}>{p}</option>)}
        </select>
        <label for="report-direction">{t('exec.report.direction')}</label>
        <select id="report-direction" value={direction} onChange={(e) => setDirection((e.target as HTMLSelectElement).value)}>
          {directions.map((d) => <option key={d} value={d}>{d.replace('>', ' → ')}</option>)}
        </select>
        <label for="report-count">{t('exec.report.count')}</label>
        <input id="report-count" inputMode="numeric" value={count} aria-invalid={badCount}
          onInput={(e) => setCount((e.target as HTMLInputElement).value)} />
        {badCount && <p class="field-error" role="alert">{t('exec.report.badCount')}</p>}
        <label for="report-persons">{t('exec.report.persons')}</label>
        <textarea id="report-persons" rows={3} value={persons} aria-describedby="report-persons-hint"
          onInput={(e) => setPersons((e.target as HTMLTextAreaElement).value)} />
        <p class="hint" id="report-persons-hint">{t('exec.report.personsHint')}</p>
        <label for="report-note">{t('exec.report.note')}</label>
        <input id="report-note" value={note} onInput={(e) => setNote((e.target as HTMLInputElement).value)} />
        {error !== null && <ProblemMessage error={error} />}
        {recorded && <p class="notice" role="status">{recorded}</p>}
        <button type="submit" disabled={sending}>{t('exec.report.submit')}</button>
      </form>
    </section>
  );
}
