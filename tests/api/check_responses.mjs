// Checks every answer canje's server tests received against the OpenAPI document, so that the
// document cannot drift from the code.
//
//   node check_responses.mjs OPENAPI_JSON TRANSCRIPT_DIR
//
// TRANSCRIPT_DIR holds *.jsonl files written by the tests (src/server/api_transcript.h): one
// line per answer, {"origin", "method", "target", "status", "content_type", "body"}. For each:
//   - the path and method must be an operation of the document, and the status one of its
//     documented answers, with that content type and a body valid against its schema;
//   - an answer to a path or method the document does not have must be a problem detail with a
//     status the server gives before routing (400, 401, 404, 405, 413, 431, 501, 503).
// Then every operation must have been answered with a success at least once: an operation no
// test reaches is reported, since its schema was never checked.
// Exit status: 0 when everything holds, 1 otherwise (each failure printed on stderr), 2 for
// bad arguments.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

const [openapiPath, transcriptDir] = process.argv.slice(2);
if (!openapiPath || !transcriptDir) {
  console.error('usage: node check_responses.mjs OPENAPI_JSON TRANSCRIPT_DIR');
  process.exit(2);
}

// The document's schemas become one JSON Schema resource ("canje") whose $defs they are, so
// that every "#/components/schemas/X" reference resolves as "canje#/$defs/X".
const documentText = readFileSync(openapiPath, 'utf8');
const document = JSON.parse(documentText.replaceAll('"#/components/schemas/', '"canje#/$defs/'));
const ajv = new Ajv2020({ strict: true, allErrors: true, allowUnionTypes: true });
addFormats(ajv);
ajv.addSchema({ $id: 'canje', $defs: document.components.schemas });

const PRE_ROUTING_STATUSES = new Set([400, 401, 404, 405, 413, 431, 501, 503]);
const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'];

const operations = [];
for (const [template, item] of Object.entries(document.paths)) {
  const segments = template.split('/');
  for (const method of METHODS) {
    if (item[method]) operations.push({ template, segments, method, operation: item[method], answered: false });
  }
}

function resolveResponse(response) {
  const ref = response.$ref;
  if (!ref) return response;
  const name = ref.replace('#/components/responses/', '');
  return document.components.responses[name];
}

const compiled = new Map();
function validatorFor(key, schema) {
  if (!compiled.has(key)) compiled.set(key, ajv.compile(schema));
  return compiled.get(key);
}

function findPath(path) {
  const segments = path.split('/');
  let best = null;
  for (const entry of operations) {
    if (entry.segments.length !== segments.length) continue;
    let literal = 0;
    const fits = entry.segments.every((segment, i) => {
      if (segment.startsWith('{')) return segments[i].length > 0;
      if (segment === segments[i]) {
        literal += 1;
        return true;
      }
      return false;
    });
    if (fits && (!best || literal > best.literal)) best = { template: entry.template, literal };
  }
  return best?.template;
}

const failures = [];
let checked = 0;

function check(record, where) {
  checked += 1;
  const path = record.target.split('?')[0];
  const method = record.method.toLowerCase();
  const template = findPath(path);
  const entry = operations.find((op) => op.template === template && op.method === method);
  const mediaType = (record.content_type || '').toLowerCase();
  const say = (text) => failures.push(`${where}: ${record.method} ${record.target} -> ${record.status}: ${text}`);

  let responseSchema;
  let schemaKey;
  if (!entry) {
    if (!PRE_ROUTING_STATUSES.has(record.status)) {
      say('no operation of the document has this path and method, and the status is not one given before routing');
      return;
    }
    if (mediaType !== 'application/problem+json') {
      say(`an answer outside the document's operations must be application/problem+json, not '${mediaType}'`);
      return;
    }
    responseSchema = { $ref: 'canje#/$defs/Problem' };
    schemaKey = 'Problem';
  } else {
    const documented = entry.operation.responses[String(record.status)];
    if (!documented) {
      say(`status ${record.status} is not documented for ${method.toUpperCase()} ${entry.template}`);
      return;
    }
    if (record.status >= 200 && record.status < 300) entry.answered = true;
    const response = resolveResponse(documented);
    const content = response.content || {};
    if (Object.keys(content).length === 0) {
      if (record.body !== '') say('the document gives this answer no body, but it has one');
      return;
    }
    if (!content[mediaType]) {
      say(`content type '${mediaType}' is not documented (documented: ${Object.keys(content).join(', ')})`);
      return;
    }
    responseSchema = content[mediaType].schema;
    schemaKey = `${method} ${entry.template} ${record.status} ${mediaType}`;
  }
  let body = record.body;
  if (mediaType.includes('json')) {
    try {
      body = JSON.parse(record.body);
    } catch (error) {
      say(`the body is not JSON: ${error.message}`);
      return;
    }
  }
  const validate = validatorFor(schemaKey, responseSchema);
  if (!validate(body)) {
    const errors = validate.errors.map((e) => `${e.instancePath || '/'} ${e.message}${e.params ? ' ' + JSON.stringify(e.params) : ''}`);
    say(`the body does not match the document's schema:\n    ${errors.slice(0, 8).join('\n    ')}`);
  }
}

let files;
try {
  files = readdirSync(transcriptDir).filter((name) => name.endsWith('.jsonl')).sort();
} catch (error) {
  console.error(`cannot read the transcripts in ${transcriptDir}: ${error.message}`);
  process.exit(2);
}
for (const name of files) {
  const lines = readFileSync(join(transcriptDir, name), 'utf8').split('\n');
  lines.forEach((line, index) => {
    if (line.trim() === '') return;
    let record;
    try {
      record = JSON.parse(line);
    } catch (error) {
      failures.push(`${name}:${index + 1}: not a transcript line: ${error.message}`);
      return;
    }
    check(record, `${name}:${index + 1} (${record.origin})`);
  });
}

const unanswered = operations.filter((op) => !op.answered);
for (const op of unanswered) {
  failures.push(`${op.method.toUpperCase()} ${op.template}: no test received a successful answer, so its schema was never checked`);
}

for (const failure of failures) console.error(failure);
console.log(`${checked} answers from ${files.length} transcripts checked against ${operations.length} operations: ${failures.length} failures`);
process.exit(failures.length === 0 ? 0 : 1);
