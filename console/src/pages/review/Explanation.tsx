// The engine's explanation of a pair's score (canje link explain): the prior odds, each
// comparison's weight as a step, and the final odds — as a waterfall chart and, for reading
// aloud or copying, the same figures in a table. Weights are log2 odds: +1 doubles the odds.
import type { Explanation as Explained } from '../../api/types';
import { Waterfall } from '../../components/Waterfall';
import { useI18n, type I18n, type MessageKey } from '../../i18n';

const comparisonNames: Record<string, MessageKey> = {
  given_name: 'review.cmp.given_name', family_name: 'review.cmp.family_name',
  date_of_birth: 'review.cmp.date_of_birth', sex: 'review.cmp.sex',
  nationality: 'review.cmp.nationality', identifier: 'review.cmp.identifier',
};
const levelNames: Record<string, MessageKey> = {
  exact: 'review.level.exact', token_subset: 'review.level.token_subset',
  first_surname: 'review.level.first_surname', initial: 'review.level.initial',
  jaro_winkler_high: 'review.level.jaro_winkler_high', jaro_winkler_medium: 'review.level.jaro_winkler_medium',
  phonetic: 'review.level.phonetic', consonant_skeleton: 'review.level.consonant_skeleton',
  swapped: 'review.level.swapped', day_month_swapped: 'review.level.day_month_swapped',
  same_year_month: 'review.level.same_year_month', year_off_by_one: 'review.level.year_off_by_one',
  same_year: 'review.level.same_year', one_digit_off: 'review.level.one_digit_off',
  transposed_digits: 'review.level.transposed_digits', different: 'review.level.different',
  missing: 'review.level.missing',
};

// A comparison's and a level's names in the user's language (the engine's own name when the
// settings add one the console does not know).
export const comparisonName = (name: string, { t }: I18n) => (comparisonNames[name] ? t(comparisonNames[name]) : name);
export const levelName = (name: string, { t }: I18n) => (levelNames[name] ? t(levelNames[name]) : name);

export function Explanation({ explanation }: { explanation: Explained }) {
  const i18n = useI18n();
  const { t, lang } = i18n;
  const odds = new Intl.NumberFormat(lang, { maximumFractionDigits: 2, minimumFractionDigits: 2, signDisplay: 'exceptZero' });
  const percent = new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 1 });
  let running = explanation.prior_log2_odds;
  const rows = explanation.comparisons.map((c) => ({ ...c, total: (running += c.weight) }));
  const probability = percent.format(explanation.probability);
  return (
    <section aria-labelledby="explanation-heading">
      <h2 id="explanation-heading">{t('review.explanation')}</h2>
      <p>{t('review.explanation.intro', { probability })}</p>
      <Waterfall
        title={t('review.waterfall.title')}
        description={t('review.waterfall.desc', {
          prior: odds.format(explanation.prior_log2_odds), final: odds.format(explanation.log2_odds), probability,
        })}
        start={{ label: t('review.waterfall.prior'), value: explanation.prior_log2_odds }}
        steps={explanation.comparisons.map((c) => ({ label: comparisonName(c.comparison, i18n), value: c.weight }))}
        end={{ label: t('review.waterfall.final'), value: explanation.log2_odds }}
        zeroLabel={t('review.waterfall.even')}
      />
      <p class="muted">{t('review.waterfall.legend')}</p>
      <div class="scroll">
        <table data-testid="explanation-table">
          <caption>{t('review.explanation.table')}</caption>
          <thead><tr>
            <th scope="col">{t('review.explain.comparison')}</th>
            <th scope="col">{t('review.left')}</th>
            <th scope="col">{t('review.right')}</th>
            <th scope="col">{t('review.explain.level')}</th>
            <th scope="col" class="num">{t('review.explain.weight')}</th>
            <th scope="col" class="num">{t('review.explain.total')}</th>
          </tr></thead>
          <tbody>
            <tr>
              <th scope="row">{t('review.waterfall.prior')}</th><td /><td /><td />
              <td class="num" /><td class="num">{odds.format(explanation.prior_log2_odds)}</td>
            </tr>
            {rows.map((c) => (
              <tr key={c.comparison}>
                <th scope="row">{comparisonName(c.comparison, i18n)}</th>
                <td>{c.left_value || '—'}</td>
                <td>{c.right_value || '—'}</td>
                <td>{levelName(c.level, i18n)}</td>
                <td class="num">{odds.format(c.weight)}</td>
                <td class="num">{odds.format(c.total)}</td>
              </tr>
            ))}
            <tr>
              <th scope="row">{t('review.waterfall.final')}</th><td /><td /><td />
              <td class="num" /><td class="num">{odds.format(explanation.log2_odds)} ({probability})</td>
            </tr>
          </tbody>
        </table>
      </div>
    </section>
  );
}
