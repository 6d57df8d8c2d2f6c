// The API's own words — statuses, kinds of party and list, sex — as the chosen language writes
// them. The API answers with stable codes ("needs_review", "custody_roster"); the console shows
// the word for the code, and the code itself when it does not know it (a newer server), never
// nothing.
import type { Lang } from './index';

const words: Record<Lang, Record<string, string>> = {
  es: {
    // Statuses of a person in custody, as reconciliation gives them, and as lists declare them.
    held: 'detenida', not_on_roster: 'no consta en la lista de custodia',
    reported_released: 'liberada según su parte', reported_dead: 'fallecida según su parte',
    needs_review: 'pendiente de revisión', released: 'liberada', dead: 'fallecida',
    unknown: 'desconocido', unspecified: 'sin especificar', transferred: 'trasladada',
    // Kinds of party.
    state: 'Estado', intermediary: 'mediador', organisation: 'organización',
    // Kinds of list.
    custody_roster: 'lista de custodia', claim_list: 'lista de reclamo',
    documentation_list: 'lista de documentación', transfer_manifest: 'manifiesto de traslado',
    // Sex as lists record it.
    male: 'hombre', female: 'mujer', other: 'otro',
  },
  en: {
    held: 'held', not_on_roster: 'not on the custody roster',
    reported_released: 'released, as its party reports', reported_dead: 'dead, as its party reports',
    needs_review: 'needs review', released: 'released', dead: 'dead',
    unknown: 'unknown', unspecified: 'unspecified', transferred: 'transferred',
    state: 'state', intermediary: 'intermediary', organisation: 'organisation',
    custody_roster: 'custody roster', claim_list: 'claim list',
    documentation_list: 'documentation list', transfer_manifest: 'transfer manifest',
    male: 'male', female: 'female', other: 'other',
  },
};

// The word for `code` in `lang`; the code itself when there is none, '—' for no value.
export function term(lang: Lang, code: string | null | undefined): string {
  if (!code) return '—';
  return Object.prototype.hasOwnProperty.call(words[lang], code) ? words[lang][code] : code;
}
