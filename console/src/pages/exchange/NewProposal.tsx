// A first proposal, or a new line of negotiation (POST /v1/exchanges/{id}/proposals), for
// negotiators, mediators and admins: in numbers (a field per direction between parties on
// different sides; an empty field is no transfer that way), or by name (the transfers CSV:
// person, from, to — pasted or read from a file). The draft made is opened in the timeline,
// where its party tables it. What was typed stays on any refusal; an Idempotency-Key kept while
// it is unchanged makes a proposal sent again after a lost answer one version, not two.
import { useState } from 'preact/hooks';
import { postJson } from '../../api/client';
import type { Actor, ExchangeDetails } from '../../api/types';
import { useSubmit } from '../../api/useSubmit';
import { ProblemMessage } from '../../components/ProblemMessage';
import { useI18n } from '../../i18n';

// Every direction between two parties on different sides: "SLV>VEN", "VEN>SLV", …
export function directionsOf(exchange: ExchangeDetails): string[] {
  const out: string[] = [];
  for (const from of exchange.blocs) {
    for (const to of exchange.blocs) {
      if (from === to) continue;
      for (const a of from.parties) for (const b of to.parties) out.push(`${a}>${b}`);
    }
  }
  return out;
}

export function NewProposal({ exchange, actor }: { exchange: ExchangeDetails; actor: Actor }) {
  const { t } = useI18n();
  const [kind, setKind] = useState<'counts' | 'named'>('counts');
  const [counts, setCounts] = useState<Record<string, string>>({});
  const [csv, setCsv] = useState('');
  const [empty, setEmpty] = useState(false);
  const submit = useSubmit();
  if (!['negotiator', 'mediator', 'admin'].includes(actor.role) || exchange.blocs.length < 2) return null;
  const directions = directionsOf(exchange);

  const send = async (event: Event) => {
    event.preventDefault();
    const written = directions.filter((d) => (counts[d] ?? '').trim() !== '').map((d) => `${d}=${counts[d].trim()}`).join(',');
    const body = kind === 'counts' ? { counts: written } : { transfers_csv: csv };
    if ((kind === 'counts' && !written) || (kind === 'named' && !csv.trim())) {
      setEmpty(true);
      return;
    }
    setEmpty(false);
    const made = await submit.send((key) => postJson<{ version: string }>(`/v1/exchanges/${exchange.id}/proposals`, body, key), body);
    if (made) location.hash = `#/exchanges/${exchange.id}?v=${made.version}`;
  };

  return (
    <section aria-labelledby="exch-proposal-new-heading" class="no-print">
      <h2 id="exch-proposal-new-heading">{t('exch.new')}</h2>
      <p class="hint">{t('exch.new.intro')}</p>
      <form class="stack action-form" onSubmit={send} aria-labelledby="exch-proposal-new-heading" noValidate>
        <fieldset class="choices">
          <legend>{t('exch.new.kind')}</legend>
          <label class="choice"><input type="radio" name="new-kind" checked={kind === 'counts'} onChange={() => setKind('counts')} /><span>{t('exch.new.kind.counts')}</span></label>
          <label class="choice"><input type="radio" name="new-kind" checked={kind === 'named'} onChange={() => setKind('named')} /><span>{t('exch.new.kind.named')}</span></label>
        </fieldset>
        {kind === 'counts' ? (
          <fieldset class="counts">
            <legend>{t('exch.new.counts')}</legend>
            {directions.map((d) => (
              <div class="field" key={d}>
                <label for={`new-${d}`}>{d.replace('>', ' → ')}</label>
                <input id={`new-${d}`} inputMode="numeric" value={counts[d] ?? ''}
                  onInput={(e) => setCounts((c) => ({ ...c, [d]: (e.currentTarget as HTMLInputElement).value }))} />
              </div>
            ))}
          </fieldset>
        ) : (
          <div class="field">
            <label for="new-csv">{t('exch.new.csv')}</label>
            <p class="hint" id="new-csv-hint">{t('exch.new.csvHint')}</p>
            <textarea id="new-csv" rows={8} aria-describedby="new-csv-hint" value={csv}
              onInput={(e) => setCsv((e.currentTarget as HTMLTextAreaElement).value)} />
            <label for="new-csv-file">{t('exch.new.csvFile')}</label>
            <input id="new-csv-file" type="file" accept=".csv,text/csv"
              onChange={async (e) => { const file = (e.currentTarget as HTMLInputElement).files?.[0]; if (file) setCsv(await file.text()); }} />
          </div>
        )}
        {empty && <p class="field-error" role="alert">{t('exch.new.empty')}</p>}
        <div class="buttons"><button type="submit" disabled={submit.pending}>{t('exch.new.submit')}</button></div>
        <div aria-live="polite">{submit.error !== null && <ProblemMessage error={submit.error} />}</div>
      </form>
    </section>
  );
}
