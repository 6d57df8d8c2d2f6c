// The execution's codes as the chosen language writes them: a readiness status, an obstacle, a
// reason for not travelling. A code the console does not know (a newer server) is shown as it
// is, never nothing.
import type { I18n, MessageKey } from '../../i18n';
import { en } from '../../i18n/en';

function word(i18n: I18n, prefix: string, code: string): string {
  const key = `${prefix}${code}`;
  return key in en ? i18n.t(key as MessageKey) : code;
}

export const statusWord = (i18n: I18n, status: string) => word(i18n, 'exec.status.', status);
export const obstacleWord = (i18n: I18n, kind: string) => word(i18n, 'exec.obstacle.', kind);
export const reasonWord = (i18n: I18n, reason: string) => word(i18n, 'exec.reason.', reason);

// A person as a sentence names them: "P17 (Name Surname)", or only the id where the reader may
// not see the name.
export const who = (person: string, name?: string) => (name ? `${person} (${name})` : person);
