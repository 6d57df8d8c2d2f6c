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
    ['xs_med', 'PUENTE', 'mediator'], ['xs_ver', 'PUENTE', 'verifier'], ['xs_slv', 'SLV', 'negotiator'],
    ['xs_ven', 'VEN', 'negotiator'],
    ['act_lists', 'PUENTE', 'mediator'], ['act_med', 'PUENTE', 'mediator'], ['act_ver', 'PUENTE', 'verifier'],
    ['act_neg', 'VEN', 'negotiator'], ['act_med_check', 'PUENTE', 'mediator'],
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

  // An agreed exchange in execution (tests/execution-setup.ts).
  const execution = prepareExecution(canje, folder);

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
    execution,
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
