// Why a check of the log failed, as a code the page turns into a sentence in the user's
// language (i18n keys "logcheck.<code>") with the values it names. Every function in src/log
// throws only this for bad input or a failed check.
export type LogProblemCode =
  | 'vkey.empty' | 'vkey.form' | 'vkey.name' | 'vkey.keyIdForm' | 'vkey.base64' | 'vkey.witnessKey'
  | 'vkey.type' | 'vkey.length' | 'vkey.keyIdMismatch'
  | 'note.form' | 'note.control' | 'note.signatureLine' | 'note.notSignedByKey' | 'note.otherKeyId'
  | 'note.badSignature'
  | 'checkpoint.form' | 'checkpoint.size' | 'checkpoint.root' | 'checkpoint.origin'
  | 'merkle.hashLength' | 'merkle.index' | 'merkle.badSize' | 'merkle.sizes' | 'merkle.oldEmpty' | 'merkle.proofLength'
  | 'merkle.rootMismatch' | 'merkle.oldRootMismatch' | 'merkle.equalSizesDiffer'
  | 'entry.answer' | 'entry.seq';

export class LogCheckError extends Error {
  constructor(readonly code: LogProblemCode, readonly values: Record<string, string | number> = {}) {
    super(`${code} ${JSON.stringify(values)}`);
  }
}
