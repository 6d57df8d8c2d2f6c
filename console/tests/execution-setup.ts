// An agreed exchange in execution, for tests/execution.spec.ts, made with the command line as the
// people at the table would: five persons of El Salvador's roster go to Venezuela under V1, each
// party signs the manifest with its own Ed25519 key, the verifiers interview everyone (one is
// found unfit and recorded as not travelling, with a sealed note), the mediator moves the
// exchange to executing, and then a court order holds one more of them. The exchange is found by
// its name, so that other set-ups may create exchanges before or after this one. The users
// xs_med (mediator), xs_ver (verifier), xs_slv and xs_ven (negotiators) must exist.
import { generateKeyPairSync } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import path from 'node:path';

export interface ExecutionFixture {
  exchange: string;           // "X1", or whatever id it got
  ready: string[];            // three ready persons
  unfit: string;              // recorded as not travelling, reason unfit, with `unfitNote`
  unfitNote: string;
  held: string;               // blocked by a legal hold recorded after the exchange began executing
}

type Canje = (args: string[]) => string;

export function prepareExecution(canje: Canje, folder: string): ExecutionFixture {
  const name = 'execution-console-test';
  const as = (user: string, args: string[]) => canje(['--as', user, ...args]);
  // Persons far down El Salvador's roster, so that no other set-up's interviews touch them.
  const roster: { id: string }[] = JSON.parse(canje(['--json', 'persons', '--list', 'L1', '--limit', '250']));
  const [a, b, c, unfit, held] = roster.slice(200, 205).map((p) => p.id);

  as('xs_med', ['exchange', 'create', name, '--mediator', 'PUENTE']);
  const exchanges: { id: string; name: string }[] = JSON.parse(as('xs_med', ['--json', 'exchange', 'list']));
  const exchange = exchanges.find((x) => x.name === name)!.id;
  as('xs_med', ['exchange', 'party', 'add', exchange, 'SLV', '--bloc', 'SLV']);
  as('xs_med', ['exchange', 'party', 'add', exchange, 'VEN', '--bloc', 'VEN']);

  const transfers = path.join(folder, 'execution-transfers.csv');
  writeFileSync(transfers, ['person,from,to', ...[a, b, c, unfit, held].map((p) => `${p},SLV,VEN`)].join('\n') + '\n');
  const created = JSON.parse(as('xs_slv', ['--json', 'proposal', 'create', exchange, '--transfers', transfers]));
  const version: string = created.version;
  as('xs_slv', ['proposal', 'table', version]);
  as('xs_slv', ['proposal', 'accept', version, '--party', 'SLV']);
  as('xs_ven', ['proposal', 'accept', version, '--party', 'VEN']);

  const manifest = path.join(folder, 'execution-manifest.json');
  as('xs_ven', ['proposal', 'manifest', version, '--out', manifest]);
  for (const [user, party] of [['xs_slv', 'SLV'], ['xs_ven', 'VEN']]) {
    const keys = generateKeyPairSync('ed25519');
    const privatePem = path.join(folder, `execution-${party}.pem`);
    const publicPem = path.join(folder, `execution-${party}.pub.pem`);
    writeFileSync(privatePem, keys.privateKey.export({ type: 'pkcs8', format: 'pem' }));
    writeFileSync(publicPem, keys.publicKey.export({ type: 'spki', format: 'pem' }));
    as(user, ['party', 'key', 'add', party, '--pem', publicPem]);
    const signature = path.join(folder, `execution-${party}.sig`);
    canje(['sign', '--key', privatePem, '--manifest', manifest, '--out', signature]);
    as(user, ['agreement', 'sign-add', version, '--party', party, '--signature', signature]);
  }
  as('xs_med', ['exchange', 'advance', exchange, '--to', 'verifying']);

  const interviews = path.join(folder, 'execution-interviews.csv');
  writeFileSync(interviews, ['person,destination,identity,consent,fit,on,note',
    ...[a, b, c, held].map((p) => `${p},VEN,confirmed,consents,yes,2025-07-15,`),
    `${unfit},VEN,confirmed,consents,no,2025-07-15,`].join('\n') + '\n');
  as('xs_ver', ['interview', 'record', '--file', interviews]);
  const unfitNote = `assessed by the doctor, console check ${path.basename(folder)} (synthetic)`;
  as('xs_ver', ['exchange', 'not-travelling', exchange, unfit, '--reason', 'unfit', '--note', unfitNote]);
  as('xs_med', ['exchange', 'advance', exchange, '--to', 'executing']);
  as('xs_med', ['hold', 'add', '--issuer', 'District Court (synthetic)', '--reference', 'EXEC-1',
    '--from', '2025-01-01', '--person', held]);
  return { exchange, ready: [a, b, c], unfit, unfitNote, held };
}
