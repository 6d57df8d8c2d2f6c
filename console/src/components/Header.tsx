import type { Actor } from '../api/types';
import { useI18n } from '../i18n';
import type { Route } from '../route';
import { LanguageSwitch } from './LanguageSwitch';

// The banner: the console's name, the navigation and who is signed in (when someone is), the
// language, and signing out.
export function Header({ actor, route, onSignOut }: { actor: Actor | null; route: Route; onSignOut: () => void }) {
  const { t } = useI18n();
  const current = (page: string) => (route.page === page || (page === 'persons' && route.page === 'person') ? 'page' : undefined);
  return (
    <header class="banner">
      <span class="brand">{t('app.name')}</span>
      {actor && (
        <nav aria-label={t('nav.label')}>
          <a href="#/" aria-current={current('overview')}>{t('nav.overview')}</a>
          <a href="#/persons" aria-current={current('persons')}>{t('nav.persons')}</a>
          <a href="#/review" aria-current={current('review')}>{t('nav.review')}</a>
          <a href="#/log" aria-current={current('log')}>{t('nav.log')}</a>
          <a href="#/execution" aria-current={current('execution')}>{t('nav.execution')}</a>
          <a href="#/lists" aria-current={current('lists')}>{t('act.nav.lists')}</a>
        </nav>
      )}
      <div class="tools">
        {actor && (
          <span class="who" data-testid="who">
            {t('header.signedInAs', { user: actor.user, party: actor.party, role: t(`role.${actor.role}`) })}
          </span>
        )}
        <LanguageSwitch />
        {actor && <button type="button" onClick={onSignOut}>{t('header.signOut')}</button>}
      </div>
    </header>
  );
}
