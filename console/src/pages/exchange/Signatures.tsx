// An agreed (or agreed in principle, or replaced by a re-plan) version's signatures (docs/api.md,
// "Signing an agreement"): the manifest to sign, offered as the exact bytes the server gives and
// with their SHA-256 computed here, beside the one the signatures cover; each party's signature as
// the server verifies it (GET /v1/proposals/{id}/agreement: valid, invalid or missing, with its key
// and detail); and, for a negotiator of a party that accepted, the upload of its detached signature
// (64 bytes, made offline with `canje sign` or OpenSSL; POST /v1/proposals/{id}/signatures).
import { useState } from 'preact/hooks';
import { getBytes, getJson, postJson } from '../../api/client';
import type { Actor, AgreementCheck, Proposal } from '../../api/types';
import { useLoad } from '../../api/useLoad';
import { ProblemMessage } from '../../components/ProblemMessage';
import { section, SectionBody } from '../../components/Section';
import { useSubmit } from '../../api/useSubmit';
import { PartyKeys } from './PartyKeys';
import { StillToSign } from './StillToSign';
import { Table } from '../../components/Table';
import { useI18n, type MessageKey } from '../../i18n';

const hex = (bytes: ArrayBuffer) => [...new Uint8Array(bytes)].map((b) => b.toString(16).padStart(2, '0')).join('');

function base64(bytes: Uint8Array): string {
  let text = '';
  for (const byte of bytes) text += String.fromCharCode(byte);
  return btoa(text);
}

async function loadAgreement(id: string) {
  const [check, manifest] = await Promise.all([
    getJson<AgreementCheck>(`/v1/proposals/${id}/agreement`),
    getBytes(`/v1/proposals/${id}/manifest`),
  ]);
  const digest = hex(await crypto.subtle.digest('SHA-256', manifest as BufferSource));
  const link = URL.createObjectURL(new Blob([manifest as BlobPart], { type: 'application/json' }));
  return { check, link, digest };
}

export function Signatures({ version, actor }: { version: Proposal; actor: Actor }) {
  const { t } = useI18n();
  const id = version.version;
  const [reload, setReload] = useState(0);
  const loaded = useLoad(() => section(loadAgreement(id)), [id, reload]);
  const [file, setFile] = useState<File | null>(null);
  const [missing, setMissing] = useState(false);
  const submit = useSubmit();
  const [done, setDone] = useState('');
  const accepted = version.responses.some((r) => r.party === actor.party && r.response === 'accepted');
  // A version a re-plan replaced keeps its signatures, checkable, but takes no more.
  const replaced = version.state === 'replaced';
  const maySign = actor.role === 'negotiator' && accepted && !replaced;

  const upload = async () => {
    submit.clear();
    setDone('');
    if (!file) {
      setMissing(true);
      return;
    }
    setMissing(false);
    const body = { party: actor.party, signature: base64(new Uint8Array(await file.arrayBuffer())) };
    const added = await submit.send((key) => postJson<{ key_id: string }>(`/v1/proposals/${id}/signatures`, body, key), body);
    if (added) {
      setDone(t('exch.sign.added', { party: actor.party, key: added.key_id }));
      setReload((n) => n + 1);
    }
  };

  return (
    <div class="signatures" data-testid={`signatures-${id}`}>
      <h4>{t('exch.sign.title')}</h4>
      {!loaded.data ? <p>{t('common.loading')}</p> : (
        <SectionBody section={loaded.data}>{({ check, link, digest }) => <>
          <p>
            <a download={`${id}-manifest.json`} href={link}>
              {t('exch.sign.manifest', { version: id })}
            </a>
          </p>
          <p class="muted">{t('exch.sign.digest', { digest })}{' '}
            {digest === check.manifest_sha256 ? `✓ ${t('exch.sign.digestSame')}` : `✕ ${t('exch.sign.digestDiffers', { theirs: check.manifest_sha256 })}`}</p>
          <Table rows={check.parties} rowKey={(p) => p.party} rowHeader columns={[
            { label: t('exch.sign.party'), cell: (p) => p.party },
            { label: t('sup.sign.role'), cell: (p) => (p.role === 'guarantor' ? t('sup.sign.guarantor') : t('sup.sign.party')) },
            { label: t('exch.sign.status'), cell: (p) => `${p.status === 'valid' ? '✓' : p.status === 'invalid' ? '✕' : '…'} ${t((`exch.sign.${p.status}`) as MessageKey) ?? p.status}` },
            { label: t('exch.sign.key'), cell: (p) => p.key_id || '—' },
            { label: t('exch.sign.detail'), cell: (p) => p.detail },
          ]} />
          <p>{check.complete ? t('exch.sign.complete') : t('exch.sign.incomplete')}</p>
          {!replaced && <StillToSign parties={check.parties} />}
        </>}</SectionBody>
      )}
      {maySign && <PartyKeys party={actor.party} />}
      {maySign && (
        <form class="decision" noValidate onSubmit={(event) => { event.preventDefault(); void upload(); }}>
          <label for={`signature-${id}`}>{t('exch.sign.file', { party: actor.party })}</label>
          <input id={`signature-${id}`} type="file" aria-describedby={`signature-${id}-hint${missing ? ` signature-${id}-missing` : ''}`}
            aria-invalid={missing ? 'true' : undefined}
            onChange={(event) => setFile((event.target as HTMLInputElement).files?.[0] ?? null)} />
          <p class="hint" id={`signature-${id}-hint`}>{t('exch.sign.hint', { version: id })}</p>
          {missing && <p class="field-error" id={`signature-${id}-missing`}>{t('exch.sign.fileMissing')}</p>}
          <div class="buttons"><button type="submit" disabled={submit.pending}>{t('exch.sign.submit', { party: actor.party })}</button></div>
        </form>
      )}
      <div role="status" class="status">{done}</div>
      {submit.error !== null && <ProblemMessage error={submit.error} />}
    </div>
  );
}
