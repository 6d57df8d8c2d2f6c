// The console's frame: the language, who is signed in, the header with its navigation, and the
// page of the URL's fragment. A session that ends (a 401) brings back the sign-in page with a
// message; the URL, and so the page and what was typed in its search, is kept for afterwards.
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { ApiError, deleteJson, getJson, keepCsrfToken, onSessionEnded } from './api/client';
import { ProblemMessage } from './components/ProblemMessage';
import type { Actor } from './api/types';
import { I18nContext, initialLang, keepLang, makeI18n, type Lang } from './i18n';
import { useRoute } from './route';
import { Header } from './components/Header';
import { SignIn } from './pages/SignIn';
import { Overview } from './pages/Overview';
import { Persons } from './pages/Persons';
import { PersonPage } from './pages/Person';
import { Review } from './pages/Review';
import { LogPage } from './pages/Log';
import { Exchanges } from './pages/Exchanges';
import { ExchangePage } from './pages/Exchange';
import { ExecutionPage } from './pages/Execution';
import { ListsPage } from './pages/Lists';
import { InterviewPage } from './pages/Interview';

type Notice = 'sessionEnded' | 'signedOut' | null;

export function App() {
  const [lang, setLangState] = useState<Lang>(initialLang);
  const i18n = useMemo(() => makeI18n(lang, setLangState), [lang]);
  const [actor, setActor] = useState<Actor | null | undefined>(undefined);
  const [notice, setNotice] = useState<Notice>(null);
  const [lastUser, setLastUser] = useState('');
  const route = useRoute();
  const signedIn = useRef<Actor | null | undefined>(actor);
  signedIn.current = actor;

  useEffect(() => keepLang(lang), [lang]);
  useEffect(() => {
    onSessionEnded(() => {
      // Only a session that was open ends; a first visit simply is not signed in.
      if (signedIn.current) {
        setLastUser(signedIn.current.user);
        setNotice('sessionEnded');
      }
      setActor(null);
    });
    getJson<Actor>('/v1/session').then(setActor, () => setActor(null));
  }, []);

  const [signOutError, setSignOutError] = useState<unknown>(null);
  const signOut = async () => {
    setSignOutError(null);
    try {
      await deleteJson('/v1/session');
    } catch (error) {
      // A 401: the session had ended already (the client has shown the sign-in page). Anything
      // else: the session may still be open, so the person is told and stays signed in.
      if (!(error instanceof ApiError && error.problem.status === 401)) {
        setSignOutError(error);
        return;
      }
    }
    keepCsrfToken(null);
    setLastUser(actor?.user ?? '');
    setActor(null);
    setNotice('signedOut');
  };

  let content;
  if (actor === undefined) content = <main id="main"><p>{i18n.t('common.loading')}</p></main>;
  else if (actor === null) {
    content = (
      <SignIn
        notice={notice}
        initialName={lastUser}
        onSignedIn={(who) => {
          setNotice(null);
          setActor(who);
        }}
      />
    );
  } else {
    content = (
      <main id="main" tabIndex={-1}>
        {signOutError !== null && <ProblemMessage error={signOutError} />}
        {route.page === 'overview' && <Overview />}
        {route.page === 'persons' && <Persons initialQuery={route.query} />}
        {route.page === 'person' && <PersonPage id={route.id} actor={actor} />}
        {route.page === 'review' && <Review />}
        {route.page === 'log' && <LogPage />}
        {route.page === 'exchanges' && <Exchanges actor={actor} />}
        {route.page === 'exchange' && <ExchangePage id={route.id} version={route.version} actor={actor} />}
        {route.page === 'execution' && <ExecutionPage key={route.id} id={route.id} stage={route.stage} actor={actor} />}
        {route.page === 'lists' && <ListsPage actor={actor} />}
        {route.page === 'interview' && <InterviewPage id={route.id} actor={actor} />}
      </main>
    );
  }
  return (
    <I18nContext.Provider value={i18n}>
      <a class="skip" href="#main" onClick={(event) => {
        event.preventDefault();
        document.getElementById('main')?.focus();
      }}>{i18n.t('app.skip')}</a>
      <Header actor={actor ?? null} route={route} onSignOut={signOut} />
      {content}
    </I18nContext.Provider>
  );
}
