// A part of a page loaded on its own: a refusal of one part (403 for the role) leaves the
// others readable, and is said as "not available to your role".
import type { ComponentChildren } from 'preact';
import { ApiError } from '../api/client';
import { useI18n } from '../i18n';
import { ProblemMessage } from './ProblemMessage';

export type Section<T> = { ok: true; value: T } | { ok: false; error: unknown };

export async function section<T>(load: Promise<T>): Promise<Section<T>> {
  try {
    return { ok: true, value: await load };
  } catch (error) {
    return { ok: false, error };
  }
}

export function SectionBody<T>({ section: s, children }: { section: Section<T>; children: (value: T) => ComponentChildren }) {
  const { t } = useI18n();
  if (s.ok) return <>{children(s.value)}</>;
  if (s.error instanceof ApiError && s.error.problem.status === 403) return <p class="muted">{t('common.notForRole')}</p>;
  return <ProblemMessage error={s.error} />;
}
