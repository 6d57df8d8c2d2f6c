// Signing in: name, password and the authenticator's six-digit code (POST /v1/session). The
// server answers every wrong detail alike; too many attempts say how long to wait; a locked
// account says so.
import { useEffect, useRef, useState } from 'preact/hooks';
import { keepCsrfToken, postJson } from '../api/client';
import type { Actor, SessionCreated } from '../api/types';
import { ProblemMessage } from '../components/ProblemMessage';
import { useI18n } from '../i18n';

export function SignIn({ notice, initialName, onSignedIn }: {
  notice: 'sessionEnded' | 'signedOut' | null; initialName: string; onSignedIn: (actor: Actor) => void;
}) {
  const { t } = useI18n();
  const [name, setName] = useState(initialName);
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [working, setWorking] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);

  const submit = async (event: Event) => {
    event.preventDefault();
    setWorking(true);
    setError(null);
    try {
      const session = await postJson<SessionCreated>('/v1/session', { name, password, code });
      keepCsrfToken(session.csrf_token);
      onSignedIn({ user: session.user, party: session.party, role: session.role });
    } catch (failure) {
      setError(failure);
      setCode('');
    } finally {
      setWorking(false);
    }
  };

  return (
    <main id="main" class="signin" tabIndex={-1}>
      <h1 ref={heading} tabIndex={-1}>{t('signin.title')}</h1>
      {notice === 'sessionEnded' && <p class="notice" role="status">{t('signin.sessionEnded')}</p>}
      {notice === 'signedOut' && <p class="notice" role="status">{t('signin.signedOut')}</p>}
      <p>{t('signin.intro')}</p>
      <form onSubmit={submit} noValidate>
        <label for="signin-name">{t('signin.name')}</label>
        <input id="signin-name" name="username" autoComplete="username" required value={name}
          onInput={(event) => setName((event.target as HTMLInputElement).value)} />
        <label for="signin-password">{t('signin.password')}</label>
        <input id="signin-password" name="password" type="password" autoComplete="current-password" required
          value={password} onInput={(event) => setPassword((event.target as HTMLInputElement).value)} />
        <label for="signin-code">{t('signin.code')}</label>
        <input id="signin-code" name="code" inputMode="numeric" autoComplete="one-time-code" pattern="[0-9]{6}"
          maxLength={6} required aria-describedby="signin-code-hint" value={code}
          onInput={(event) => setCode((event.target as HTMLInputElement).value.replace(/\D/g, ''))} />
        <p id="signin-code-hint" class="hint">{t('signin.codeHint')}</p>
        {error !== null && <ProblemMessage error={error} />}
        <button type="submit" disabled={working}>{working ? t('signin.working') : t('signin.submit')}</button>
      </form>
    </main>
  );
}
