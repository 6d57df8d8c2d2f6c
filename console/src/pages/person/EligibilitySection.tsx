// Whether the person may be selected for a transfer to a destination and handed over there,
// and why not (GET /v1/eligibility?destination=D&persons=P17). The reasons are what the
// caller's role may read, decided by the core: a negotiator or observer gets every personal
// reason (a refusal, unfitness…) as one "confidential" reason, said here in the user's
// language, and nothing more reaches its browser. The destination starts as the caller's own
// party when that is a state.
import { useState } from 'preact/hooks';
import { getJson } from '../../api/client';
import type { Actor, Eligibility, Party } from '../../api/types';
import { useLoad } from '../../api/useLoad';
import { section, SectionBody } from '../../components/Section';
import { useI18n, type MessageKey } from '../../i18n';

const kinds = new Set(['legal_hold', 'consent_refused', 'consent_not_given', 'identity_unconfirmed', 'unfit_to_travel', 'erased', 'confidential']);

export function EligibilitySection({ person, actor, parties }: { person: string; actor: Actor; parties: Party[] }) {
  const { t } = useI18n();
  const own = parties.find((p) => p.code === actor.party && p.kind === 'state');
  const [chosen, setChosen] = useState('');
  const destination = chosen || (own ? own.code : '');
  const loaded = useLoad(async () => (destination
    ? section(getJson<Eligibility[]>(`/v1/eligibility?destination=${encodeURIComponent(destination)}&persons=${encodeURIComponent(person)}`))
    : null), [person, destination]);
  const kindWord = (kind: string) => (kinds.has(kind) ? t(`act.elig.kind.${kind}` as MessageKey) : kind);
  return (
    <section aria-labelledby="eligibility-heading">
      <h2 id="eligibility-heading">{t('act.elig.title')}</h2>
      <div class="field narrow">
        <label for="eligibility-destination">{t('act.elig.destination')}</label>
        <select id="eligibility-destination" value={destination} onChange={(e) => setChosen((e.currentTarget as HTMLSelectElement).value)}>
          <option value="">{t('act.form.choose')}</option>
          {parties.map((p) => <option key={p.code} value={p.code}>{`${p.code} — ${p.name}`}</option>)}
        </select>
      </div>
      {!destination ? <p class="muted">{t('act.elig.chooseFirst')}</p> : !loaded.data ? <p>{t('common.loading')}</p> : (
        <SectionBody section={loaded.data}>{(rows) => rows.length === 0 ? <p class="muted">{t('common.none')}</p> : (
          <div data-testid="eligibility">
            <dl class="details">
              <dt>{t('act.elig.selectable')}</dt><dd>{rows[0].selectable ? t('common.yes') : t('common.no')}</dd>
              <dt>{t('act.elig.ready')}</dt><dd>{rows[0].ready_for_handover ? t('common.yes') : t('common.no')}</dd>
            </dl>
            {rows[0].reasons.length > 0 && (
              <ul class="reasons">
                {rows[0].reasons.map((r, i) => (
                  <li key={i}>
                    <strong>{kindWord(r.kind)}</strong>
                    {r.kind !== 'confidential' && <> — <span class="detail">{r.reason}</span></>}
                  </li>
                ))}
              </ul>
            )}
          </div>
        )}</SectionBody>
      )}
    </section>
  );
}
