// The workflow as a picture: the states in order, those passed ticked, the current one marked
// with a frame, a word and aria-current (never colour alone), collapse as a way out beside them;
// for a mediator or an admin, the moves allowed from here as buttons (GET and POST
// /v1/exchanges/{id}/workflow[/advance|/collapse], with the ETag as If-Match: a move decided on a
// state that changed meanwhile is refused, said, and offered to reload).
import { useState } from 'preact/hooks';
import { ApiError, getTagged, postJsonIfMatch } from '../../api/client';
import type { Actor, Workflow } from '../../api/types';
import { useLoad } from '../../api/useLoad';
import { ProblemMessage } from '../../components/ProblemMessage';
import { section, SectionBody } from '../../components/Section';
import { useI18n } from '../../i18n';
import { mayCollapse, nextByAdvance, statesInOrder } from './machine';
import { stateLabel } from './words';

export function WorkflowPicture({ id, actor }: { id: string; actor: Actor }) {
  const { t, date } = useI18n();
  const [reload, setReload] = useState(0);
  const loaded = useLoad(() => section(getTagged<Workflow>(`/v1/exchanges/${id}/workflow`)), [id, reload]);
  const [reason, setReason] = useState('');
  const [reasonMissing, setReasonMissing] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const mediates = actor.role === 'mediator' || actor.role === 'admin';

  const move = async (path: 'advance' | 'collapse', body: object, etag: string | null) => {
    setError(null);
    setBusy(true);
    try {
      await postJsonIfMatch(`/v1/exchanges/${id}/workflow/${path}`, body, etag);
      setReason('');
      setReload((n) => n + 1);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };
  const stale = error instanceof ApiError && (error.problem.status === 412 || error.problem.status === 409);

  return (
    <section aria-labelledby="exch-workflow-heading">
      <h2 id="exch-workflow-heading">{t('exch.workflow')}</h2>
      {!loaded.data ? <p>{t('common.loading')}</p> : (
        <SectionBody section={loaded.data}>{({ value: workflow, etag }) => {
          const current = workflow.state;
          const reached = current === 'collapsed' ? -1 : statesInOrder.indexOf(current);
          const next = nextByAdvance(current);
          return (
            <>
              <ol class="workflow" aria-label={t('exch.workflow.picture')} data-testid="workflow">
                {statesInOrder.map((state, index) => {
                  const where = index === reached ? 'current' : index < reached ? 'done' : 'later';
                  return (
                    <li key={state} class={`step step-${where}`} aria-current={where === 'current' ? 'step' : undefined} data-state={state}>
                      <span class="mark" aria-hidden="true">{where === 'done' ? '✓' : where === 'current' ? '●' : '○'}</span>
                      <span class="name">{stateLabel(t, state)}</span>
                      <span class="where">{t(`exch.workflow.${where}`)}</span>
                    </li>
                  );
                })}
                <li class={`step step-out ${current === 'collapsed' ? 'step-current' : 'step-later'}`} data-state="collapsed"
                  aria-current={current === 'collapsed' ? 'step' : undefined}>
                  <span class="mark" aria-hidden="true">{current === 'collapsed' ? '✕' : '○'}</span>
                  <span class="name">{stateLabel(t, 'collapsed')}</span>
                  <span class="where">{current === 'collapsed' ? t('exch.workflow.current') : t('exch.workflow.wayOut')}</span>
                </li>
              </ol>
              {workflow.agreed_version && <p>{t('exch.workflow.agreedOn', { version: workflow.agreed_version })}</p>}
              {workflow.reason && <p>{t('exch.workflow.reason', { reason: workflow.reason })}</p>}
              {workflow.changed_at && <p class="muted">{t('exch.workflow.changed', { user: workflow.changed_by, date: date(workflow.changed_at) })}</p>}
              {current === 'negotiating' && <p class="hint">{t('exch.workflow.byAgreement')}</p>}
              {current !== 'negotiating' && workflow.agreed_version && (
                <p><a href={`#/execution/${id}`}>{t('exch.workflow.execution')}</a></p>
              )}
              {mediates && (next || mayCollapse(current)) && (
                <form class="decision" noValidate onSubmit={(event) => event.preventDefault()} aria-label={t('exch.workflow.moves')}>
                  {next && (
                    <div class="buttons">
                      <button type="button" disabled={busy} onClick={() => move('advance', { to: next }, etag)}>
                        {t('exch.workflow.advance', { state: stateLabel(t, next) })}
                      </button>
                    </div>
                  )}
                  {mayCollapse(current) && <>
                    <label for="exch-collapse-reason">{t('exch.workflow.collapseReason')}</label>
                    <input id="exch-collapse-reason" value={reason} aria-invalid={reasonMissing ? 'true' : undefined}
                      aria-describedby={reasonMissing ? 'exch-collapse-missing' : undefined}
                      onInput={(event) => setReason((event.target as HTMLInputElement).value)} />
                    {reasonMissing && <p class="field-error" id="exch-collapse-missing">{t('exch.workflow.reasonMissing')}</p>}
                    <div class="buttons">
                      <button type="button" class="secondary" disabled={busy} onClick={() => {
                        if (!reason.trim()) { setReasonMissing(true); return; }
                        setReasonMissing(false);
                        void move('collapse', { reason: reason.trim() }, etag);
                      }}>{t('exch.workflow.collapse')}</button>
                    </div>
                  </>}
                </form>
              )}
              {error !== null && <>
                {stale && <p class="notice" role="status">{t('exch.workflow.stale')}</p>}
                <ProblemMessage error={error} />
                {stale && <button type="button" class="secondary" onClick={() => { setError(null); setReload((n) => n + 1); }}>{t('exch.reload')}</button>}
              </>}
            </>
          );
        }}</SectionBody>
      )}
    </section>
  );
}
