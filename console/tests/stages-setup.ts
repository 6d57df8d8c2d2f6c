// What tests/stages.spec.ts starts from, made with the command line as the people at the table
// would:
// - an agreed exchange, "stages-console-test", of six persons of El Salvador's roster to
//   Argentina, with the United States as guarantor and the CANDELA network as observer
//   organisation; the parties and the guarantor sign the manifest with their own Ed25519 keys, the
//   verifiers interview everyone (one refuses, with a sealed note, and is recorded as not
//   travelling), and the mediator moves it to verifying. No stage yet: the test plans them.
// - an exchange still negotiating, "guarantors-console-test", one person of El Salvador's roster to
//   Argentina, its version tabled and accepted by El Salvador only: the test declares its
//   guarantor and observer, then Argentina accepts.
// - a prisoner of war on a custody roster of Argentina's, with the fields of international
//   humanitarian law (a synthetic record).
// Argentina (no other set-up uses it) keeps these exchanges out of the other tests' pages.
import { generateKeyPairSync } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import path from 'node:path';

export interface StagesFixture {
  exchange: string;          // the agreed exchange, verifying
  version: string;
  persons: string[];         // its six persons, in the agreed version's order
  refuser: string;           // the last of them: refused consent, recorded as not travelling
  notes: string[];           // the sealed notes about the refuser no observer may read
  negotiating: { exchange: string; version: string };
  pow: string;               // the person with the fields of international humanitarian law
}

type Canje = (args: string[]) => string;

// The users the set-up acts as (no password: nobody signs in as them).
export const stagesSetupUsers: [string, string, string][] = [
  ['stg_setup_med', 'PUENTE', 'mediator'], ['stg_setup_ver', 'PUENTE', 'verifier'],
  ['stg_setup_slv', 'SLV', 'negotiator'], ['stg_setup_arg', 'ARG', 'negotiator'], ['stg_setup_usa', 'USA', 'negotiator'],
];

function exchangeId(canje: Canje, name: string): string {
  const exchanges: { id: string; name: string }[] = JSON.parse(canje(['--as', 'stg_setup_med', '--json', 'exchange', 'list']));
  return exchanges.find((x) => x.name === name)!.id;
}

export function prepareStages(canje: Canje, folder: string): StagesFixture {
  const as = (user: string, args: string[]) => canje(['--as', user, ...args]);
  for (const [name, party, role] of stagesSetupUsers) canje(['user', 'add', name, '--party', party, '--role', role]);
  // Persons of El Salvador's roster no other set-up or test takes (tests/execution-setup.ts takes
  // 200 to 204, tests/story.spec.ts 230 to 242).
  const roster: { id: string }[] = JSON.parse(canje(['--json', 'persons', '--list', 'L1', '--limit', '220']));
  const persons = roster.slice(210, 216).map((p) => p.id);
  const spare = roster[216].id;

  const name = 'stages-console-test';
  as('stg_setup_med', ['exchange', 'create', name, '--mediator', 'PUENTE']);
  const exchange = exchangeId(canje, name);
  as('stg_setup_med', ['exchange', 'party', 'add', exchange, 'SLV', '--bloc', 'SLV']);
  as('stg_setup_med', ['exchange', 'party', 'add', exchange, 'ARG', '--bloc', 'ARG']);
  as('stg_setup_med', ['exchange', 'guarantor', 'add', exchange, 'USA']);
  as('stg_setup_med', ['exchange', 'observer', 'add', exchange, 'CANDELA']);
  const transfers = path.join(folder, 'stages-transfers.csv');
  writeFileSync(transfers, ['person,from,to', ...persons.map((p) => `${p},SLV,ARG`)].join('\n') + '\n');
  const version: string = JSON.parse(as('stg_setup_slv', ['--json', 'proposal', 'create', exchange, '--transfers', transfers])).version;
  as('stg_setup_slv', ['proposal', 'table', version]);
  as('stg_setup_slv', ['proposal', 'accept', version, '--party', 'SLV']);
  as('stg_setup_arg', ['proposal', 'accept', version, '--party', 'ARG']);

  const manifest = path.join(folder, 'stages-manifest.json');
  as('stg_setup_slv', ['proposal', 'manifest', version, '--out', manifest]);
  for (const [user, party] of [['stg_setup_slv', 'SLV'], ['stg_setup_arg', 'ARG'], ['stg_setup_usa', 'USA']]) {
    const keys = generateKeyPairSync('ed25519');
    const privatePem = path.join(folder, `stages-${party}.pem`);
    const publicPem = path.join(folder, `stages-${party}.pub.pem`);
    writeFileSync(privatePem, keys.privateKey.export({ type: 'pkcs8', format: 'pem' }));
    writeFileSync(publicPem, keys.publicKey.export({ type: 'spki', format: 'pem' }));
    as(user, ['party', 'key', 'add', party, '--pem', publicPem]);
    const signature = path.join(folder, `stages-${party}.sig`);
    canje(['sign', '--key', privatePem, '--manifest', manifest, '--out', signature]);
    as(user, ['agreement', 'sign-add', version, '--party', party, '--signature', signature]);
  }
  as('stg_setup_med', ['exchange', 'advance', exchange, '--to', 'verifying']);

  const refuser = persons[5];
  const interviewNote = `fears reprisals at home, stages check ${path.basename(folder)} (synthetic)`;
  const gateNote = `refused again at the gate, stages check ${path.basename(folder)} (synthetic)`;
  const interviews = path.join(folder, 'stages-interviews.csv');
  writeFileSync(interviews, ['person,destination,identity,consent,fit,on,note',
    ...persons.slice(0, 5).map((p) => `${p},ARG,confirmed,consents,yes,2025-07-15,`),
    `${refuser},ARG,confirmed,refuses,yes,2025-07-15,${interviewNote}`].join('\n') + '\n');
  as('stg_setup_ver', ['interview', 'record', '--file', interviews]);
  as('stg_setup_ver', ['exchange', 'not-travelling', exchange, refuser, '--reason', 'refused-consent', '--note', gateNote]);

  const negotiatingName = 'guarantors-console-test';
  as('stg_setup_med', ['exchange', 'create', negotiatingName, '--mediator', 'PUENTE']);
  const negotiating = exchangeId(canje, negotiatingName);
  as('stg_setup_med', ['exchange', 'party', 'add', negotiating, 'SLV', '--bloc', 'SLV']);
  as('stg_setup_med', ['exchange', 'party', 'add', negotiating, 'ARG', '--bloc', 'ARG']);
  const oneTransfer = path.join(folder, 'guarantors-transfers.csv');
  writeFileSync(oneTransfer, `person,from,to\n${spare},SLV,ARG\n`);
  const tabled: string = JSON.parse(as('stg_setup_slv', ['--json', 'proposal', 'create', negotiating, '--transfers', oneTransfer])).version;
  as('stg_setup_slv', ['proposal', 'table', tabled]);
  as('stg_setup_slv', ['proposal', 'accept', tabled, '--party', 'SLV']);

  const list = path.join(folder, 'stages-ihl-roster.csv');
  writeFileSync(list, ['record_id,given_names,family_names,patronymic,sex,date_of_birth,nationality,ihl_status,rank,unit,service_number,date_of_capture,place_of_capture,holder',
    'ARG-PW-0001,Tomás,Ejemplar Sintético,Andrés,M,1990-03-14,URY,prisoner_of_war,sargento,Unidad 7 (sintética),SV 0-424242,2024-11-02,Paso Sintético,ARG',
  ].join('\n') + '\n');
  const imported = JSON.parse(canje(['--json', 'import', list, '--kind', 'custody_roster', '--party', 'ARG',
    '--source', 'Synthetic roster of prisoners of war, console stages check']));
  const [pow] = JSON.parse(canje(['--json', 'persons', '--list', imported.list])) as { id: string }[];
  return {
    exchange, version, persons, refuser, notes: [interviewNote, gateNote],
    negotiating: { exchange: negotiating, version: tabled }, pow: pow.id,
  };
}
