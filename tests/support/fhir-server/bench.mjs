// Timings of the FHIR test server at scale (prints, asserts nothing but completeness):
//
//   node bench.mjs [--workers 100000] [--batch 2000] [--count 1000] [--paging offset|snapshot]
//
// Seeds N Practitioners and N PractitionerRoles in batch Bundles (like bench/fhir_sync.cpp), then
// follows next links through Practitioner?_sort=_lastUpdated&_count=1000 (with and without
// _revinclude of the roles), through the roles, and through Practitioner/_history.
import { parseArgs } from 'node:util';
import { batch, call, practitioner, role, startServer } from './lib/harness.mjs';

const { values } = parseArgs({
  options: {
    workers: { type: 'string', default: '100000' },
    batch: { type: 'string', default: '2000' },
    count: { type: 'string', default: '1000' },
    paging: { type: 'string', default: 'offset' },
  },
});
const workers = Number(values.workers);
const perBatch = Number(values.batch);
const count = Number(values.count);

const server = await startServer(['--max-count', String(count), '--paging', values.paging]);
const seconds = (t0) => ((performance.now() - t0) / 1000).toFixed(2);

let t0 = performance.now();
const places = [
  ...Array.from({ length: 50 }, (_, i) => ({ resourceType: 'Location', id: `loc-${i}`, name: `Clinic ${i}` })),
  ...Array.from({ length: 10 }, (_, i) => ({ resourceType: 'Organization', id: `org-${i}`, name: `County ${i}` })),
];
await call(server.base, { method: 'POST', body: batch(places) });
for (let first = 0; first < workers; first += perBatch) {
  const resources = [];
  for (let i = first; i < Math.min(workers, first + perBatch); i++) resources.push(practitioner(i), role(i));
  const r = await call(server.base, { method: 'POST', body: batch(resources) });
  if (r.status !== 200) throw new Error(`seeding: ${r.status} ${r.text.slice(0, 300)}`);
}
const stats = (await call(`${server.root}$test/stats`)).json;
console.log(`seed ${workers} Practitioners + ${workers} PractitionerRoles (${Math.ceil(workers / perBatch)} batches of ${2 * perBatch}): ${seconds(t0)} s, server RSS ${stats.rssMB} MB`);

async function walk(label, url) {
  const start = performance.now();
  let pages = 0;
  let bytes = 0;
  let slowest = 0;
  const matches = new Set();
  let includes = 0;
  for (let next = url; next; ) {
    const t = performance.now();
    const r = await call(next);
    slowest = Math.max(slowest, performance.now() - t);
    if (r.status !== 200) throw new Error(`${next}: ${r.status} ${r.text.slice(0, 300)}`);
    pages++;
    bytes += r.text.length;
    for (const e of r.json.entry ?? []) {
      if (e.search?.mode === 'include') includes++;
      else matches.add(`${e.request?.method ?? ''} ${e.fullUrl} ${e.response?.etag ?? ''}`);
    }
    next = r.json.link?.find((l) => l.relation === 'next')?.url;
  }
  console.log(`${label}: ${seconds(start)} s, ${pages} pages, ${matches.size} distinct matches` +
    `${includes ? `, ${includes} included` : ''}, ${(bytes / 1048576).toFixed(0)} MB, slowest page ${slowest.toFixed(0)} ms`);
  return matches.size;
}

const q = `_sort=_lastUpdated&_count=${count}`;
const results = [
  await walk('page Practitioner', `${server.base}Practitioner?${q}`),
  await walk('page Practitioner + _revinclude roles', `${server.base}Practitioner?${q}&_revinclude=PractitionerRole:practitioner`),
  await walk('page PractitionerRole', `${server.base}PractitionerRole?${q}`),
  await walk('page Practitioner/_history', `${server.base}Practitioner/_history?_count=${count}`),
];
await server.stop();
if (results.some((n) => n !== workers)) {
  console.error(`incomplete: expected ${workers} each, saw ${results.join(', ')}`);
  process.exit(1);
}
