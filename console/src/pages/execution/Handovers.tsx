// The handovers recorded for the exchange (GET .../handovers), and for mediators and verifiers
// while the exchange is executing, the form that records the selected ready persons as handed
// over: when (UTC), where, before which witnesses; all of them or none
// (POST .../handovers/batch). Each sending carries an Idempotency-Key: sending the same form
// again after a lost answer cannot record anyone twice. What was typed stays on any error.
import { useState } from 'preact/hooks';
import { postJson } from '../../api/client';
import { useSubmit } from '../../api/useSubmit';
import { ProblemMessage } from '../../components/ProblemMessage';
import { Table } from '../../components/Table';
import { useI18n } from '../../i18n';
import type { Handover, ReadinessPerson } from './types';

export function HandoverList({ handovers }: { handovers: Handover[] }) {
  const { t, moment } = useI18n();
  return (
    <section aria-labelledby="handovers-heading">
      <h2 id="handovers-heading">{t('exec.handovers')}</h2>
      {handovers.length === 0 ? <p class="muted">{t('exec.handovers.none')}</p> : (
        <Table rows={handovers} rowKey={(h) => h.person} rowHeader columns={[
          { label: t('exec.col.person'), cell: (h) => <a href={`#/persons/${h.person}`}>{h.person}</a> },
          { label: t('exec.col.name'), cell: (h) => h.name ?? '—' },
          { label: t('exec.col.to'), cell: (h) => h.to },
          { label: t('exec.col.at'), cell: (h) => <time dateTime={h.at}>{moment(h.at)}</time> },
          { label: t('exec.col.place'), cell: (h) => h.place },
          { label: t('exec.col.witnesses'), cell: (h) => h.witnesses.join('; ') },
          { label: t('exec.col.recordedBy'), cell: (h) => `${h.recorded_by} (${h.recorder_party})` },
        ]} />
      )}
    </section>
  );
}

export function HandoverForm({ exchange, selected, onRecorded }: {
  exchange: string; selected: ReadinessPerson[]; onRecorded: () => void;
}) {
  const { t } = useI18n();
  const [at, setAt] = useState('');
  const [place, setPlace] = useState('');
  const [witnesses, setWitnesses] = useState('');
  const [missing, setMissing] = useState(false);
  const [recorded, setRecorded] = useState<number | null>(null);
  const { pending: sending, error, send } = useSubmit();

  const submit = async (event: Event) => {
    event.preventDefault();
    setRecorded(null);
    const names = witnesses.split('\n').map((w) => w.trim()).filter(Boolean);
    if (selected.length === 0) return;
    if (!at || !place.trim() || names.length === 0) {
      setMissing(true);
      return;
    }
    setMissing(false);
    // The time as typed is UTC (the label says so); the API takes RFC 3339 with its zone.
    const when = `${at.length === 16 ? `${at}:00` : at}Z`;
    const body = {
      handovers: selected.map((p) => ({ person: p.person, at: when, place: place.trim(), to: p.to, witnesses: names })),
    };
    const answer = await send((key) => postJson<{ recorded: number }>(`/v1/exchanges/${exchange}/handovers/batch`, body, key), body);
    if (answer) {
      setRecorded(answer.recorded);
      onRecorded();
    }
  };

  return (
    <section aria-labelledby="handover-form-heading" class="no-print">
      <h2 id="handover-form-heading">{t('exec.handover.heading')}</h2>
      <p class="hint">{t('exec.handover.intro')}</p>
      <form class="stacked" onSubmit={submit} noValidate>
        <p data-testid="handover-selected">{selected.length === 0 ? t('exec.handover.noneSelected')
          : `${t('exec.handover.selected', { count: selected.length })}: ${selected.map((p) => p.person).join(', ')}`}</p>
        <label for="handover-at">{t('exec.handover.at')}</label>
        <input id="handover-at" type="datetime-local" step={60} value={at} aria-describedby="handover-at-hint"
          onInput={(e) => setAt((e.target as HTMLInputElement).value)} />
        <p class="hint" id="handover-at-hint">{t('exec.handover.atHint')}</p>
        <label for="handover-place">{t('exec.handover.place')}</label>
        <input id="handover-place" value={place} onInput={(e) => setPlace((e.target as HTMLInputElement).value)} />
        <label for="handover-witnesses">{t('exec.handover.witnesses')}</label>
        <textarea id="handover-witnesses" rows={3} value={witnesses}
          onInput={(e) => setWitnesses((e.target as HTMLTextAreaElement).value)} />
        {missing && <p class="field-error" role="alert">{t('exec.handover.missing')}</p>}
        {error !== null && <ProblemMessage error={error} />}
        {recorded !== null && <p class="notice" role="status">{t('exec.handover.recorded', { count: recorded })}</p>}
        <button type="submit" disabled={sending || selected.length === 0}>
          {t('exec.handover.submit', { count: selected.length })}
        </button>
      </form>
    </section>
  );
}
