// The two dictionaries have the same keys, no empty text, and the same {placeholders} for each
// key; and the TOTP codes the suite signs in with match RFC 6238's own test vector.
import { expect, test } from '@playwright/test';
import { en } from '../src/i18n/en';
import { es } from '../src/i18n/es';
import { hotp } from './totp';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

test('Spanish and English have the same keys and placeholders', () => {
  expect(Object.keys(es).sort()).toEqual(Object.keys(en).sort());
  for (const [key, text] of Object.entries(en)) {
    const spanish = (es as Record<string, string>)[key];
    expect(text.trim(), `en ${key}`).not.toBe('');
    expect(spanish?.trim(), `es ${key}`).not.toBe('');
    expect(placeholders(spanish ?? ''), `placeholders of ${key}`).toEqual(placeholders(text));
  }
});

test('TOTP codes match RFC 6238 (SHA-1, 6 digits)', () => {
  // RFC 6238, appendix B: secret "12345678901234567890", T = 59 s (step 1) -> 94287082.
  expect(hotp(Buffer.from('12345678901234567890'), 1)).toBe('287082');
  // T = 1111111109 s -> 07081804.
  expect(hotp(Buffer.from('12345678901234567890'), Math.floor(1111111109 / 30))).toBe('081804');
});
