// The log, verified in the browser (#/log): the person's verifier key (pasted, kept in this
// browser), the latest checkpoint checked with it and against the checkpoint verified last, an
// entry checked for inclusion, and the latest events. The checks are src/log's; this page only
// asks for them and says their outcome. Nothing is called verified unless the checkpoint's
// signature verified with the person's key.
import { useEffect, useRef, useState } from 'preact/hooks';
import { ProblemMessage } from '../components/ProblemMessage';
import { useI18n } from '../i18n';
import { checkCheckpoint, checkEntry, type CheckpointCheck } from '../log/audit';
import { forgetCheckpoint, keepKey, keptKey } from '../log/kept';
import { LogCheckError } from '../log/problem';
import { parseVerifierKey, type VerifierKey } from '../log/vkey';
import { CheckpointReport } from './log/CheckpointReport';
import { EntryCheck, type EntryOutcome } from './log/EntryCheck';
import { KeyForm } from './log/KeyForm';
import { LatestEvents } from './log/LatestEvents';

export function LogPage() {
  const { t } = useI18n();
  const [initialKey] = useState(keptKey);
  const [vkey, setVkey] = useState<VerifierKey | null>(null);
  const [keyProblem, setKeyProblem] = useState<LogCheckError | null>(null);
  const [check, setCheck] = useState<CheckpointCheck | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [entryText, setEntryText] = useState('');
  const [entry, setEntry] = useState<EntryOutcome>({ kind: 'none' });
  const entryResult = useRef<HTMLDivElement>(null);

  const verify = async (key: VerifierKey) => {
    setBusy(true);
    setError(null);
    setEntry({ kind: 'none' });
    try {
      setCheck(await checkCheckpoint(key));
    } catch (failure) {
      setCheck(null);
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  const applyKey = async (text: string) => {
    setCheck(null);
    try {
      const key = await parseVerifierKey(text);
      setKeyProblem(null);
      setVkey(key);
      keepKey(key.line);
      await verify(key);
    } catch (failure) {
      if (!(failure instanceof LogCheckError)) throw failure;
      setVkey(null);
      setKeyProblem(failure);
    }
  };

  useEffect(() => {
    if (initialKey) void applyKey(initialKey);
  }, []);

  const checkpoint = check?.checkpoint;
  const runEntry = async (text: string) => {
    if (!checkpoint) return;
    if (!/^[0-9]+$/.test(text.trim())) {
      setEntry({ kind: 'notNumber' });
      return;
    }
    const index = Number(text.trim());
    setEntry({ kind: 'busy' });
    try {
      setEntry({ kind: 'included', entry: await checkEntry(index, checkpoint) });
    } catch (failure) {
      setEntry({ kind: 'failed', index, error: failure });
    }
    entryResult.current?.focus();
  };

  return (
    <>
      <h1>{t('log.title')}</h1>
      <p>{t('log.intro')}</p>
      <KeyForm initial={initialKey} problem={keyProblem} busy={busy} onSubmit={(text) => void applyKey(text)} />
      {error !== null && <ProblemMessage error={error} />}
      {check && vkey && <CheckpointReport check={check} vkey={vkey} onForget={() => {
        forgetCheckpoint();
        void verify(vkey);
      }} />}
      {checkpoint && <>
        <EntryCheck size={checkpoint.size} text={entryText} outcome={entry} resultRef={entryResult}
          onText={setEntryText} onCheck={() => void runEntry(entryText)} />
        <LatestEvents size={checkpoint.size} onVerify={(seq) => {
          setEntryText(String(seq));
          void runEntry(String(seq));
        }} />
      </>}
    </>
  );
}
