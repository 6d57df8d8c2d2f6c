import { languages, useI18n, type Lang } from '../i18n';

// The language, switchable on every page (the sign-in page too).
export function LanguageSwitch() {
  const { lang, setLang, t } = useI18n();
  return (
    <label class="lang">
      <span>{t('lang.label')}</span>
      <select value={lang} onChange={(event) => setLang((event.target as HTMLSelectElement).value as Lang)}>
        {languages.map((choice) => (
          <option key={choice.code} value={choice.code} lang={choice.code}>{choice.name}</option>
        ))}
      </select>
    </label>
  );
}
