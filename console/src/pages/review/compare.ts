// How the two records of a pair compare on one field, for the side-by-side table: the same, the
// same once written alike (case, accents, spacing; for documents, punctuation and spaces too),
// different, given on one side only, or given on neither.
export type Agreement = 'same' | 'written' | 'differs' | 'oneSide' | 'neither';

const plain = (text: string, punctuation: boolean) => {
  let out = text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
  if (punctuation) out = out.replace(/[^\p{L}\p{N}]/gu, '');
  return out;
};

export function agreement(left: string[], right: string[], punctuation = false): Agreement {
  const l = left.filter((v) => v.trim() !== ''), r = right.filter((v) => v.trim() !== '');
  if (l.length === 0 && r.length === 0) return 'neither';
  if (l.length === 0 || r.length === 0) return 'oneSide';
  if (l.join('\n') === r.join('\n')) return 'same';
  const key = (values: string[]) => values.map((v) => plain(v, punctuation)).sort().join('\n');
  return key(l) === key(r) ? 'written' : 'differs';
}
