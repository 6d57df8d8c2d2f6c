// The review page's keyboard shortcuts: which action a key press asks for. A single key acts
// anywhere but in a field (where it is typed); with Alt it acts in a field too (read by the key's
// place, event.code, so that a layout where Alt+S types "ß" still means S). Ctrl and Meta are
// left to the browser; a key held down does not decide twice.
export type ShortcutAction = 'same' | 'different' | 'next' | 'previous' | 'reason' | 'help' | 'leave';

const byKey: Record<string, ShortcutAction> = {
  s: 'same', d: 'different', n: 'next', j: 'next', p: 'previous', k: 'previous', r: 'reason', '?': 'help',
};

export interface KeyPress {
  key: string; code: string; altKey: boolean; ctrlKey: boolean; metaKey: boolean; repeat: boolean;
  inField: boolean;
}

export function shortcutFor(press: KeyPress): ShortcutAction | null {
  if (press.ctrlKey || press.metaKey) return null;
  if (press.key === 'Escape') return press.inField ? 'leave' : null;
  let key: string;
  if (press.altKey) key = /^Key[A-Z]$/.test(press.code) ? press.code.slice(3).toLowerCase() : '';
  else if (press.inField) return null;
  else key = press.key.length === 1 ? press.key.toLowerCase() : '';
  const action = byKey[key] ?? null;
  if (action === 'help' && press.inField) return null;
  if (press.repeat && (action === 'same' || action === 'different')) return null;
  return action;
}

// Whether a key press starts in a place that takes typed text.
export function isField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}
