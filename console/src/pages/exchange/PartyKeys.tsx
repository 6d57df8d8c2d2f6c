// A party's signing keys, for its negotiator before it signs an agreement: the public keys
// enrolled for the party (GET /v1/parties/{party}/keys), and a form that enrols one more from its
// PEM text, pasted or read from a file (POST /v1/parties/{party}/keys). Only the public key comes
// here: the private key stays with the delegation, which signs offline.
import { useState } from 'preact/hooks';
import { getJson, postJson } from '../../api/client';
import { useSubmit } from '../../api/useSubmit';
import { useLoad } from '../../api/useLoad';
import { ProblemMessage } from '../../components/ProblemMessage';
import { section, SectionBody } from '../../components/Section';
import { useI18n } from '../../i18n';

interface PartyKey { party: string; key_id: string; added_at: string; added_by: string }

export function PartyKeys({ party }: { party: string }) {
  const { t, moment } = useI18n();
  const [reload, setReload] = useState(0);
  const keys = useLoad(() => section(getJson<PartyKey[]>(`/v1/parties/${party}/keys`)), [party, reload]);
  const [pem, setPem] = useState('');
  const [done, setDone] = useState('');
  const submit = useSubmit();
  const enrol = async (event: Event) => {
    event.preventDefault();
    setDone('');
    const body = { pem };
    const added = await submit.send((key) => postJson<{ key_id: string }>(`/v1/parties/${party}/keys`, body, key), body);
    if (added) {
      setPem('');
      setDone(t('exch.keys.added', { party, key: added.key_id }));
      setReload((n) => n + 1);
    }
  };
  return (
    <div class="party-keys">
      <h5>{t('exch.keys.title', { party })}</h5>
      {keys.data && <SectionBody section={keys.data}>{(list) => list.length === 0 ? <p class="muted">{t('exch.keys.none', { party })}</p> : (
        <ul>{list.map((k) => <li key={k.key_id}><code>{k.key_id}</code> — {t('exch.keys.by', { user: k.added_by, when: moment(k.added_at) })}</li>)}</ul>
      )}</SectionBody>}
      <form class="decision" noValidate onSubmit={enrol}>
        <label for={`pem-${party}`}>{t('exch.keys.pem', { party })}</label>
        <textarea id={`pem-${party}`} rows={4} value={pem} aria-describedby={`pem-${party}-hint`}
          onInput={(e) => setPem((e.currentTarget as HTMLTextAreaElement).value)} />
        <p class="hint" id={`pem-${party}-hint`}>{t('exch.keys.hint')}</p>
        <label for={`pem-file-${party}`}>{t('exch.keys.file')}</label>
        <input id={`pem-file-${party}`} type="file" accept=".pem,text/plain"
          onChange={async (e) => { const f = (e.currentTarget as HTMLInputElement).files?.[0]; if (f) setPem(await f.text()); }} />
        <div class="buttons"><button type="submit" disabled={submit.pending}>{t('exch.keys.submit', { party })}</button></div>
        <p aria-live="polite" class="status">{done}</p>
        {submit.error !== null && <ProblemMessage error={submit.error} />}
      </form>
    </div>
  );
}
