// The two records of a pair side by side: one row per field, a column per record, and a column
// saying how the two compare (a marker and words, not colour alone). A side the caller may not
// read ({"hidden": true}) is said to be hidden, with nothing of it shown.
import type { HiddenRecord, ReviewRecord } from '../../api/types';
import { useI18n, type I18n, type MessageKey } from '../../i18n';
import { term } from '../../i18n/terms';
import { agreement, type Agreement } from './compare';

type Side = ReviewRecord | HiddenRecord;
export const isHidden = (side: Side): side is HiddenRecord => 'hidden' in side && side.hidden === true;

interface Field {
  label: MessageKey;
  values: (record: ReviewRecord) => string[];
  compared: boolean;
  punctuation?: boolean;
  joiner?: string;  // between the values in the cell: a space for a name's parts, else a comma
  // How a value is written in the chosen language (a date, a coded word); the comparison is made
  // on the values as the API gives them.
  shown?: (value: string, i18n: I18n) => string;
}

const fields: Field[] = [
  { label: 'review.field.record', values: (r) => [r.record], compared: false },
  { label: 'review.field.list', values: (r) => [r.list, r.list_party, r.list_kind], compared: false, joiner: ' · ',
    shown: (value, { lang }) => term(lang, value) },
  { label: 'review.field.line', values: (r) => [String(r.line)], compared: false },
  { label: 'review.field.person', values: (r) => [r.person], compared: false },
  { label: 'review.field.givenNames', values: (r) => r.given_names, compared: true, joiner: ' ' },
  { label: 'review.field.familyNames', values: (r) => r.family_names, compared: true, joiner: ' ' },
  { label: 'review.field.born', values: (r) => [r.date_of_birth], compared: true, shown: (value, { date }) => date(value) },
  { label: 'review.field.sex', values: (r) => [r.sex], compared: true, shown: (value, { lang }) => term(lang, value) },
  { label: 'review.field.nationalities', values: (r) => r.nationalities, compared: true },
  { label: 'review.field.documents', values: (r) => r.documents, compared: true, punctuation: true },
];

const marks: Record<Agreement, { mark: string; label: MessageKey }> = {
  same: { mark: '=', label: 'review.agree.same' },
  written: { mark: '≈', label: 'review.agree.written' },
  differs: { mark: '≠', label: 'review.agree.differs' },
  oneSide: { mark: '∅', label: 'review.agree.oneSide' },
  neither: { mark: '—', label: 'review.agree.neither' },
};

export function PairRecords({ left, right }: { left: Side; right: Side }) {
  const i18n = useI18n();
  const { t } = i18n;
  const hidden = isHidden(left) || isHidden(right);
  const heading = (side: Side, which: MessageKey) =>
    isHidden(side) ? t('review.hiddenSide') : `${t(which)}: ${side.record}`;
  const cell = (side: Side, field: Field) => {
    if (isHidden(side)) return <td class="hidden-side">{t('review.hiddenValue')}</td>;
    const values = field.values(side).filter((v) => v.trim() !== '').map((v) => (field.shown ? field.shown(v, i18n) : v));
    return <td>{values.length > 0 ? values.join(field.joiner ?? ', ') : '—'}</td>;
  };
  return (
    <div class="scroll">
      <table class="pair" data-testid="pair-records">
        <caption>{t('review.records.caption')}</caption>
        <thead><tr>
          <th scope="col">{t('review.field')}</th>
          <th scope="col">{heading(left, 'review.left')}</th>
          <th scope="col">{heading(right, 'review.right')}</th>
          {!hidden && <th scope="col">{t('review.comparison')}</th>}
        </tr></thead>
        <tbody>
          {fields.map((field) => {
            let state: Agreement | null = null;
            if (!hidden && field.compared) {
              state = agreement(field.values(left as ReviewRecord), field.values(right as ReviewRecord), field.punctuation);
            }
            return (
              <tr key={field.label} class={state ? `agree-${state}` : undefined}>
                <th scope="row">{t(field.label)}</th>
                {cell(left, field)}
                {cell(right, field)}
                {!hidden && (
                  <td class="agreement">{state && (
                    <><span class="mark" aria-hidden="true">{marks[state].mark}</span> {t(marks[state].label)}</>
                  )}</td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
