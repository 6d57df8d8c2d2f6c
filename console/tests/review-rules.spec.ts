// The review page's two pure rules, without a browser: which key press asks for which action
// (review/shortcuts.ts), and how two records compare on a field (review/compare.ts).
import { expect, test } from '@playwright/test';
import { agreement } from '../src/pages/review/compare';
import { shortcutFor, type KeyPress } from '../src/pages/review/shortcuts';

const press = (key: string, changes: Partial<KeyPress> = {}): KeyPress => ({
  key, code: /^[a-z]$/i.test(key) ? `Key${key.toUpperCase()}` : '', altKey: false, ctrlKey: false,
  metaKey: false, repeat: false, inField: false, ...changes,
});

test('a single key acts outside a field, is typed inside one, and acts there with Alt', () => {
  expect(['s', 'S', 'd', 'n', 'j', 'p', 'k', 'r', '?'].map((key) => shortcutFor(press(key))))
    .toEqual(['same', 'same', 'different', 'next', 'next', 'previous', 'previous', 'reason', 'help']);
  for (const key of ['s', 'd', 'n', 'p', 'r', '?']) expect(shortcutFor(press(key, { inField: true }))).toBeNull();
  // Alt reads the key's place: Alt+S types "ß" on some layouts.
  expect(shortcutFor(press('ß', { code: 'KeyS', altKey: true, inField: true }))).toBe('same');
  expect(shortcutFor(press('∂', { code: 'KeyD', altKey: true, inField: true }))).toBe('different');
  expect(shortcutFor(press('Escape', { inField: true }))).toBe('leave');
  expect(shortcutFor(press('Escape'))).toBeNull();
});

test('Ctrl and Meta are the browser\'s, a held key decides once, other keys do nothing', () => {
  expect(shortcutFor(press('s', { ctrlKey: true }))).toBeNull();
  expect(shortcutFor(press('d', { metaKey: true }))).toBeNull();
  expect(shortcutFor(press('d', { repeat: true }))).toBeNull();
  expect(shortcutFor(press('n', { repeat: true }))).toBe('next');
  expect(shortcutFor(press('x'))).toBeNull();
  expect(shortcutFor(press('Enter'))).toBeNull();
});

test('two records compare as same, written differently, differing, one-sided or neither', () => {
  expect(agreement(['Douglas'], ['Douglas'])).toBe('same');
  expect(agreement(['José'], ['JOSE'])).toBe('written');
  expect(agreement(['Calzadilla', 'Torres'], ['Kalzadilla', 'Torres'])).toBe('differs');
  expect(agreement(['V-28.316.248'], ['V 28316248'], true)).toBe('written');
  expect(agreement(['V-28.316.248'], ['V 28316248'])).toBe('differs');
  expect(agreement(['2002-07-17'], [''])).toBe('oneSide');
  expect(agreement([], [''])).toBe('neither');
});
