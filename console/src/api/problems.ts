// A problem as a message in the user's language: by its type, with the server's detail shown
// under it (components/ProblemMessage.tsx).
import type { I18n, MessageKey } from '../i18n';
import { ApiError } from './client';

const known: Record<string, MessageKey> = {
  sign_in_failed: 'problem.sign_in_failed',
  account_locked: 'problem.account_locked',
  unauthorized: 'problem.unauthorized',
  csrf: 'problem.csrf',
  not_permitted: 'problem.not_permitted',
  not_found: 'problem.not_found',
  usage: 'problem.usage',
  invalid: 'problem.invalid',
  unavailable: 'problem.unavailable',
  'urn:canje:console:network': 'problem.network',
  conflict: 'act.problem.conflict',
  body_too_large: 'act.problem.body_too_large',
  unsupported_media_type: 'act.problem.unsupported_media_type',
};

export function problemMessage(error: unknown, i18n: I18n): { message: string; detail?: string } {
  if (!(error instanceof ApiError)) return { message: i18n.t('problem.other', { status: '?' }) };
  const detail = error.problem.detail;
  if (error.kind === 'too_many_attempts') {
    const seconds = error.problem.retry_after_seconds ?? 1;
    return { message: i18n.t('problem.too_many_attempts', { seconds }), detail };
  }
  const key = known[error.kind];
  if (key) return { message: i18n.t(key), detail };
  return { message: i18n.t('problem.other', { status: error.problem.status }), detail };
}
