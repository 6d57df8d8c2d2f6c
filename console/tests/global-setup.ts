// Before the suite: a store made by `canje demo` in a temporary folder, the users the tests sign
// in as (given a password and a second factor with the command line, as an admin would), a
// refusal in a consent interview recorded by a verifier, the verifier key of a second demo
// store, and `canje serve` on 127.0.0.1 (a free port). What the tests need is written to a JSON
// file named by CANJE_CONSOLE_FIXTURE. Returns the teardown: the server stopped, the folder
// removed.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { prepareExecution } from './execution-setup';
import { prepareStages } from './stages-setup';
import type { Fixture, TestUser } from './fixture';

const binary = path.resolve(process.env.CANJE_BINARY ?? '../build/canje');

export default async function globalSetup() {
  const folder = mkdtempSync(path.join(tmpdir(), 'canje-console-'));
  const db = path.join(folder, 'canje.db');
  const canje = (args: string[], env: Record<string, string> = {}) =>
    execFileSync(binary, ['--db', db, ...args], { env: { ...process.env, ...env }, encoding: 'utf8' });

  canje(['demo']);
  // Who the tests sign in as: one user a test, since a code is accepted once.
  const wanted: [string, string, string][] = [
    ['ver', 'PUENTE', 'verifier'],
    ['neg_es', 'VEN', 'negotiator'], ['neg_en', 'VEN', 'negotiator'],
    ['fail_es', 'VEN', 'negotiator'], ['fail_en', 'VEN', 'negotiator'], ['wait_es', 'VEN', 'negotiator'],
    ['ven_private', 'VEN', 'negotiator'], ['med_control', 'PUENTE', 'mediator'],
    ['expiring', 'SLV', 'negotiator'],
    ['rev_med_es', 'PUENTE', 'mediator'], ['rev_med_en', 'PUENTE', 'mediator'],
    ['rev_neg', 'VEN', 'negotiator'], ['rev_obs', 'PUENTE', 'observer'],
    ['log_es', 'VEN', 'negotiator'], ['log_en', 'PUENTE', 'observer'], ['log_wrong', 'SLV', 'negotiator'],
    ['log_fork', 'PUENTE', 'verifier'], ['log_grow', 'VEN', 'negotiator'],
    ['exch_med', 'PUENTE', 'mediator'], ['exch_usa', 'USA', 'negotiator'], ['exch_ven', 'VEN', 'negotiator'],
    ['exch_private', 'VEN', 'negotiator'], ['exch_axe_es', 'USA', 'negotiator'], ['exch_axe_en', 'USA', 'negotiator'],
    ['exch_tablet', 'USA', 'negotiator'],
    ['xs_med', 'PUENTE', 'mediator'], ['xs_ver', 'PUENTE', 'verifier'], ['xs_slv', 'SLV', 'negotiator'],
    ['xs_ven', 'VEN', 'negotiator'], ['xc_med', 'PUENTE', 'mediator'], ['xc_ven', 'VEN', 'negotiator'],
    ...(['es', 'en'] as const).flatMap((lang) => [
      [`st_med_${lang}`, 'PUENTE', 'mediator'], [`st_slv_${lang}`, 'SLV', 'negotiator'], [`st_ven_${lang}`, 'VEN', 'negotiator'],
      [`st_usa_${lang}`, 'USA', 'negotiator'],
      [`st_ver_${lang}`, 'PUENTE', 'verifier'], [`st_obs_${lang}`, 'PUENTE', 'observer'],
    ] as [string, string, string][]),
    ['act_lists', 'PUENTE', 'mediator'], ['act_med', 'PUENTE', 'mediator'], ['act_ver', 'PUENTE', 'verifier'],
    ['act_neg', 'VEN', 'negotiator'], ['act_med_check', 'PUENTE', 'mediator'],
    ['stg_med_es', 'PUENTE', 'mediator'], ['stg_obs_en', 'CANDELA', 'observer'], ['stg_sup_en', 'PUENTE', 'mediator'],
  ];
  const users: Record<string, TestUser> = {};
  for (const [name, party, role] of wanted) {
    canje(['user', 'add', name, '--party', party, '--role', role]);
    const password = `synthetic-${name}-password`;
    canje(['user', 'password', 'set', name], { CANJE_PASSWORD: password });
    const enrolment = JSON.parse(canje(['--json', 'user', 'totp', 'enrol', name]));
    users[name] = { name, party, role, password, secret: enrolment.secret };
  }

  // A person VEN's negotiators may see, and a refusal in an interview about them: its note must
  // never reach a negotiator (docs/api.md, "GET /v1/interviews").
  const visible = JSON.parse(canje(['--as', 'ven_private', '--json', 'persons', '--limit', '3']));
  const person = visible[0];
  const note = `fears persecution, console check ${path.basename(folder)} (synthetic)`;
  canje(['--as', 'ver', 'interview', 'record', person.id, '--destination', 'VEN', '--identity', 'confirmed',
    '--consent', 'refuses', '--fit', 'yes', '--note', note, '--on', '2025-07-10']);

  // Another log's verifier key (a second demo store): the tests check that it does not verify
  // this log's checkpoint.
  const otherDb = path.join(folder, 'other.db');
  execFileSync(binary, ['--db', otherDb, 'demo'], { encoding: 'utf8' });
  const otherVkey = execFileSync(binary, ['--db', otherDb, 'log', 'vkey'], { encoding: 'utf8' }).trim();

  // --- The exchanges pages (tests/exchanges.spec.ts) -------------------------------------------
  // An exchange as tests/scenarios/cecot-2025/script.canje starts one, with the command line: two
  // sides (SLV+USA, VEN) each giving only for an equal number; VEN claims eight of El Salvador's
  // roster (L1), three of them under a court order and one who refused, in an interview, to go to
  // Venezuela (a reason no negotiator may read); the United States claims two of its nationals
  // on Venezuela's roster (L2). Proposals in numbers: a first one rejected by VEN, a second
  // countering it, a third countering the second and accepted by SLV. The United States' and
  // Venezuela's answers to the third are the tests' own.
  const exch = (user: string, args: string[]) => canje(['--as', user, ...args]);
  for (const [name, party] of [['exch_setup_slv', 'SLV'], ['exch_setup_usa', 'USA'], ['exch_setup_ven', 'VEN']]) {
    canje(['user', 'add', name, '--party', party, '--role', 'negotiator']);
  }
  const roster = (JSON.parse(canje(['--json', 'persons', '--list', 'L1'])) as { id: string; name: string }[]).slice(0, 8);
  const nationals = (JSON.parse(canje(['--json', 'persons', '--list', 'L2', '--nationality', 'USA'])) as { id: string }[]).slice(0, 2);
  const exchangeName = 'console-exchange (synthetic)';
  exch('exch_med', ['exchange', 'create', exchangeName, '--mediator', 'PUENTE']);
  // Found by its name: other set-ups create exchanges and versions too, before or after this one.
  const x = (JSON.parse(exch('exch_med', ['--json', 'exchange', 'list'])) as { id: string; name: string }[])
    .find((e) => e.name === exchangeName)!.id;
  exch('exch_med', ['exchange', 'party', 'add', x, 'SLV', '--bloc', 'SLV+USA']);
  exch('exch_med', ['exchange', 'party', 'add', x, 'USA', '--bloc', 'SLV+USA']);
  exch('exch_med', ['exchange', 'party', 'add', x, 'VEN', '--bloc', 'VEN']);
  exch('exch_med', ['exchange', 'rule', x, 'SLV+USA', 'count', '--ratio', '1']);
  exch('exch_med', ['exchange', 'rule', x, 'VEN', 'count', '--ratio', '1']);
  for (const person of roster) exch('exch_med', ['exchange', 'claim', x, person.id, '--by', 'VEN']);
  for (const person of nationals) exch('exch_setup_usa', ['exchange', 'claim', x, person.id, '--by', 'USA', '--value', '3']);
  exch('exch_med', ['hold', 'add', '--issuer', 'Supreme Court (synthetic)', '--reference', '24A-0001', '--from', '2025-04-01',
    '--person', ...roster.slice(0, 3).map((p) => p.id)]);
  const exchangeNote = `afraid to return, exchange check ${path.basename(folder)} (synthetic)`;
  canje(['--as', 'ver', 'interview', 'record', roster[5].id, '--destination', 'VEN', '--identity', 'confirmed',
    '--consent', 'refuses', '--fit', 'yes', '--note', exchangeNote, '--on', '2025-07-10']);
  const propose = (user: string, counts: string, parent?: string): string =>
    JSON.parse(exch(user, ['--json', 'proposal', 'create', x, '--counts', counts, ...(parent ? ['--parent', parent] : [])])).version;
  const v1 = propose('exch_setup_slv', 'SLV>VEN=252,VEN>SLV=252');
  exch('exch_setup_slv', ['proposal', 'table', v1]);
  exch('exch_setup_ven', ['proposal', 'reject', v1, '--party', 'VEN', '--reason', 'cynical (synthetic)']);
  const v2 = propose('exch_setup_usa', 'SLV>VEN=12,VEN>USA=12', v1);
  exch('exch_setup_usa', ['proposal', 'table', v2]);
  const v3 = propose('exch_setup_ven', 'SLV>VEN=10,VEN>USA=10', v2);
  exch('exch_setup_ven', ['proposal', 'table', v3]);
  exch('exch_setup_slv', ['proposal', 'accept', v3, '--party', 'SLV']);
  const exchange = {
    id: x, name: exchangeName, versions: [v1, v2, v3],
    refused: { id: roster[5].id, name: roster[5].name, note: exchangeNote }, held: roster[0].id,
  };
  // --- end of the exchanges pages' set-up -------------------------------------------------------
  // An agreed exchange in execution (tests/execution-setup.ts).
  const execution = prepareExecution(canje, folder);
  // --- The stages, guarantors and observers, and a prisoner of war (tests/stages-setup.ts) -----
  const stages = prepareStages(canje, folder);
  // --- end of the stages' set-up ---------------------------------------------------------------

  const server = spawn(binary, ['--db', db, 'serve', '--listen', '127.0.0.1:0', '--log-level', 'error'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: server.stdout! });
    lines.once('line', (line) => {
      const match = /^listening on (http:\/\/\S+)$/.exec(line);
      if (match) resolve(match[1]);
      else reject(new Error(`canje serve said: ${line}`));
    });
    server.once('exit', (code) => reject(new Error(`canje serve exited with ${code}`)));
  });

  const fixture: Fixture = {
    url,
    db,
    binary,
    users,
    refused: { id: person.id, name: person.name, note },
    otherVkey,
    exchange,
    execution,
    stages,
  };
  const file = path.join(folder, 'fixture.json');
  writeFileSync(file, JSON.stringify(fixture));
  process.env.CANJE_CONSOLE_FIXTURE = file;

  return async () => {
    server.kill('SIGTERM');
    await new Promise((resolve) => server.once('exit', resolve));
    rmSync(folder, { recursive: true, force: true });
  };
}
