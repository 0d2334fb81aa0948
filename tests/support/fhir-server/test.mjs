// Self-check of the FHIR test server: node --test test.mjs
// (timings at 100,000 Practitioners: node bench.mjs)
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { batch, call, pages, practitioner, role, startServer } from './lib/harness.mjs';

const PRACTITIONERS = 2500;
const idsOf = (bundles, mode = 'match') =>
  bundles.flatMap((b) => b.entry ?? []).filter((e) => e.search?.mode === mode).map((e) => `${e.resource.resourceType}/${e.resource.id}`);
const places = () => [
  ...Array.from({ length: 50 }, (_, i) => ({ resourceType: 'Location', id: `loc-${i}`, name: `Clinic ${i}` })),
  ...Array.from({ length: 10 }, (_, i) => ({ resourceType: 'Organization', id: `org-${i}`, name: `County ${i}` })),
];

describe('FHIR test server', () => {
  let server;
  let seededAt; // server clock just before the seeding batch
  before(async () => {
    server = await startServer(['--max-count', '1000']);
    assert.equal((await call(`${server.root}$test/reset`, { method: 'POST' })).status, 200);
    seededAt = new Date().toISOString();
    const resources = [...places()];
    for (let i = 0; i < PRACTITIONERS; i++) resources.push(practitioner(i), role(i));
    const r = await call(server.base, { method: 'POST', body: batch(resources) });
    assert.equal(r.status, 200, r.text.slice(0, 500));
    assert.equal(r.json.type, 'batch-response');
    assert.equal(r.json.entry.length, resources.length);
    assert.ok(r.json.entry.every((e) => e.response.status === '201 Created'), 'every PUT creates (update as create)');
  });
  after(() => server.stop());

  test('prints one LISTENING line on stdout and serves /metadata', async () => {
    assert.match(server.stdout(), /^LISTENING \d+\n$/);
    const r = await call(`${server.base}metadata`);
    assert.equal(r.status, 200);
    assert.equal(r.json.resourceType, 'CapabilityStatement');
    assert.equal(r.json.fhirVersion, '4.0.1');
  });

  test('pages of _count=1000 by next links see every practitioner exactly once', async () => {
    const bundles = await pages(`${server.base}Practitioner?_sort=_lastUpdated&_count=1000`);
    assert.equal(bundles.length, 3);
    assert.deepEqual(bundles.map((b) => b.entry.length), [1000, 1000, 500]);
    const ids = idsOf(bundles);
    assert.equal(ids.length, PRACTITIONERS);
    assert.equal(new Set(ids).size, PRACTITIONERS);
    assert.equal(bundles[0].total, PRACTITIONERS);
    for (const b of bundles) {
      assert.equal(b.type, 'searchset');
      assert.ok(b.link.find((l) => l.relation === 'self').url.startsWith(server.base));
      const next = b.link.find((l) => l.relation === 'next');
      if (next) assert.ok(next.url.startsWith(server.base), 'absolute next links on this server');
    }
    // (meta.lastUpdated, id) ascending, millisecond stamps; a batch writes many per millisecond.
    const keys = bundles.flatMap((b) => b.entry.map((e) => [e.resource.meta.lastUpdated, e.resource.id]));
    assert.ok(keys.every(([s]) => /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/.test(s)));
    for (let i = 1; i < keys.length; i++)
      assert.ok(keys[i - 1][0] < keys[i][0] || (keys[i - 1][0] === keys[i][0] && keys[i - 1][1] < keys[i][1]), `${keys[i - 1]} before ${keys[i]}`);
    assert.ok(keys[0][0] >= seededAt.slice(0, 19));
    assert.ok(keys.some((k, i) => i > 0 && k[0] === keys[i - 1][0]), 'a batch writes several resources per millisecond');
  });

  test('_count is capped at --max-count; reads agree with searches', async () => {
    const r = await call(`${server.base}Practitioner?_count=5000`);
    assert.equal(r.json.entry.length, 1000);
    const first = r.json.entry[0].resource;
    const read = await call(`${server.base}Practitioner/${first.id}`);
    assert.deepEqual(read.json, first);
    assert.equal(read.headers.get('etag'), `W/"${first.meta.versionId}"`);
  });

  test('_lastUpdated=gt and ge select by instant; a change shows up after the last one seen', async () => {
    const all = (await pages(`${server.base}Practitioner?_sort=_lastUpdated&_count=1000`)).flatMap((b) => b.entry.map((e) => e.resource));
    const seen = all[999].meta.lastUpdated;
    const gt = idsOf(await pages(`${server.base}Practitioner?_sort=_lastUpdated&_count=1000&_lastUpdated=gt${seen}`));
    assert.deepEqual(gt, all.filter((r) => r.meta.lastUpdated > seen).map((r) => `Practitioner/${r.id}`));
    const ge = idsOf(await pages(`${server.base}Practitioner?_sort=_lastUpdated&_count=1000&_lastUpdated=ge${seen}`));
    assert.deepEqual(ge, all.filter((r) => r.meta.lastUpdated >= seen).map((r) => `Practitioner/${r.id}`));
    assert.ok(ge.length > gt.length && gt.length > 0);
    // One change later: reading after the newest stamp seen finds exactly it.
    await new Promise((r) => setTimeout(r, 2));
    const max = (await call(`${server.base}Practitioner?_sort=-_lastUpdated&_count=1`)).json.entry[0].resource.meta.lastUpdated;
    assert.equal(max, all.at(-1).meta.lastUpdated);
    const changed = { ...practitioner(7), active: false };
    assert.equal((await call(`${server.base}Practitioner/${changed.id}`, { method: 'PUT', body: changed })).status, 200);
    const incremental = (await call(`${server.base}Practitioner?_lastUpdated=gt${max}&_sort=_lastUpdated`)).json;
    assert.deepEqual(idsOf([incremental]), [`Practitioner/${changed.id}`]);
    assert.equal(incremental.entry[0].resource.meta.versionId, '2');
    assert.equal((await call(`${server.base}Practitioner?_lastUpdated=gtyesterday`)).status, 400);
    // Date precision: gt a whole second means from the next second on.
    const now = (await pages(`${server.base}Practitioner?_count=1000`)).flatMap((b) => b.entry.map((e) => e.resource));
    const second = seen.slice(0, 19) + 'Z';
    const nextSecond = new Date(Date.parse(second) + 1000).toISOString();
    const gtSecond = idsOf(await pages(`${server.base}Practitioner?_count=1000&_lastUpdated=gt${second}`));
    assert.deepEqual(gtSecond, now.filter((r) => r.meta.lastUpdated >= nextSecond).map((r) => `Practitioner/${r.id}`));
  });

  test('_revinclude=PractitionerRole:practitioner brings each page its roles', async () => {
    const bundles = await pages(`${server.base}Practitioner?_sort=_lastUpdated&_count=1000&_revinclude=PractitionerRole:practitioner`);
    assert.equal(idsOf(bundles).length, PRACTITIONERS);
    const roles = bundles.flatMap((b) => b.entry.filter((e) => e.search.mode === 'include').map((e) => e.resource));
    assert.equal(roles.length, PRACTITIONERS);
    assert.ok(roles.every((r) => r.resourceType === 'PractitionerRole'));
    for (const b of bundles) {
      const matched = new Set(idsOf([b]));
      for (const e of b.entry.filter((x) => x.search.mode === 'include')) assert.ok(matched.has(e.resource.practitioner.reference));
      assert.equal(b.total, PRACTITIONERS, 'includes are not counted');
    }
  });

  test('_include=PractitionerRole:location and :organization, each included once', async () => {
    const r = await call(`${server.base}PractitionerRole?_count=200&_include=PractitionerRole:location&_include=PractitionerRole:organization`);
    const included = idsOf([r.json], 'include');
    assert.equal(included.filter((id) => id.startsWith('Location/')).length, 50);
    assert.equal(included.filter((id) => id.startsWith('Organization/')).length, 10);
    assert.equal(new Set(included).size, included.length);
  });

  test('_elements=id, _id, _total=accurate, _count=0, _summary=count', async () => {
    const r = await call(`${server.base}Practitioner?_elements=id&_count=3&_total=accurate`);
    assert.equal(r.json.total, PRACTITIONERS);
    for (const e of r.json.entry) {
      assert.deepEqual(Object.keys(e.resource).sort(), ['id', 'meta', 'resourceType']);
      assert.ok(e.resource.meta.tag.some((t) => t.code === 'SUBSETTED'));
    }
    const byId = await call(`${server.base}Practitioner?_id=hw-000001,hw-000002,nobody`);
    assert.deepEqual(idsOf([byId.json]).sort(), ['Practitioner/hw-000001', 'Practitioner/hw-000002']);
    const none = await call(`${server.base}Practitioner?_count=0`);
    assert.equal(none.json.total, PRACTITIONERS);
    assert.equal(none.json.entry.length, 0);
    assert.ok(!none.json.link.some((l) => l.relation === 'next'), '_count=0 has no next page');
    const count = await call(`${server.base}PractitionerRole?_summary=count`);
    assert.equal(count.json.total, PRACTITIONERS);
    assert.equal(count.json.entry.length, 0);
    const byPractitioner = await call(`${server.base}PractitionerRole?practitioner=Practitioner/hw-000003`);
    assert.deepEqual(idsOf([byPractitioner.json]), ['PractitionerRole/role-000003']);
  });

  test('CodeSystem?url= matches the URL exactly', async () => {
    const system = 'http://example.org/ihris/cadre';
    for (const [id, url] of [['cadre', system], ['cadre-ext', `${system}-extended`]])
      assert.equal((await call(`${server.base}CodeSystem/${id}`, { method: 'PUT', body: { resourceType: 'CodeSystem', id, url, status: 'active', content: 'complete' } })).status, 201);
    const r = await call(`${server.base}CodeSystem?url=${encodeURIComponent(system)}`);
    assert.deepEqual(idsOf([r.json]), ['CodeSystem/cadre']);
  });

  test('DELETE, then type _history lists the deletions, oldest first, paged', async () => {
    const since = (await call(`${server.base}Practitioner?_sort=-_lastUpdated&_count=1`)).json.entry[0].resource.meta.lastUpdated;
    await new Promise((r) => setTimeout(r, 5));
    const gone = ['hw-000010', 'hw-000011', 'hw-000012'];
    for (const id of gone) assert.equal((await call(`${server.base}Practitioner/${id}`, { method: 'DELETE' })).status, 200);
    const updated = { ...practitioner(13), gender: 'other' };
    await call(`${server.base}Practitioner/hw-000013`, { method: 'PUT', body: updated });
    assert.equal((await call(`${server.base}Practitioner/hw-000010`)).status, 410);
    assert.equal((await call(`${server.base}Practitioner/hw-000010`, { method: 'DELETE' })).status, 200, 'deleting twice is fine');
    assert.equal((await call(`${server.base}Practitioner/never-was`, { method: 'DELETE' })).status, 404);

    const bundles = await pages(`${server.base}Practitioner/_history?_since=${encodeURIComponent(new Date(Date.parse(since) + 1).toISOString())}&_count=2`);
    assert.equal(bundles.length, 2);
    const entries = bundles.flatMap((b) => b.entry);
    assert.ok(bundles.every((b) => b.type === 'history'));
    assert.deepEqual(entries.map((e) => `${e.request.method} ${e.request.url}`), [
      ...gone.map((id) => `DELETE Practitioner/${id}`),
      'PUT Practitioner/hw-000013',
    ]);
    assert.ok(entries.slice(0, 3).every((e) => !e.resource && e.response.status.startsWith('204')));
    const stamps = entries.map((e) => e.response.lastModified);
    assert.deepEqual([...stamps].sort(), stamps, 'oldest first');
    assert.equal(entries[3].resource.gender, 'other');
    // The deleted ones are gone from searches.
    const all = idsOf(await pages(`${server.base}Practitioner?_count=1000`));
    assert.equal(all.length, PRACTITIONERS - 3);
    assert.ok(!all.includes('Practitioner/hw-000010'));
  });

  test('errors are OperationOutcomes with diagnostics', async () => {
    for (const [url, status] of [
      ['Nonsense?_count=1', 404],
      ['Practitioner?unknown-param=1', 400],
      ['Practitioner?_count=-1', 400],
      ['Practitioner?_sort=birthdate', 400],
      ['Practitioner?_lastUpdated=gt2026-13-01', 400],
      ['Practitioner/_history?_since=later', 400],
    ]) {
      const r = await call(`${server.base}${url}`);
      assert.equal(r.status, status, url);
      assert.equal(r.json.resourceType, 'OperationOutcome');
      assert.ok(r.json.issue[0].diagnostics, url);
    }
    const wrong = await call(`${server.base}Practitioner/x`, { method: 'PUT', body: { resourceType: 'Patient', id: 'x' } });
    assert.equal(wrong.status, 400);
    const notJson = await call(`${server.base}Practitioner/x`, { method: 'PUT', body: '{"resourceType":' });
    assert.equal(notJson.status, 400);
  });

  test('a transaction resolves urn:uuid references', async () => {
    const body = {
      resourceType: 'Bundle',
      type: 'transaction',
      entry: [
        { fullUrl: 'urn:uuid:0c1d0c64-7c1c-4d64-9c8b-7f0f2c1e7d11', resource: { resourceType: 'Practitioner', name: [{ family: 'New' }] }, request: { method: 'POST', url: 'Practitioner' } },
        { resource: { resourceType: 'PractitionerRole', id: 'role-new', practitioner: { reference: 'urn:uuid:0c1d0c64-7c1c-4d64-9c8b-7f0f2c1e7d11' } }, request: { method: 'PUT', url: 'PractitionerRole/role-new' } },
      ],
    };
    const r = await call(server.base, { method: 'POST', body });
    assert.equal(r.status, 200, r.text);
    assert.equal(r.json.type, 'transaction-response');
    const location = r.json.entry[0].response.location;
    const roleNow = await call(`${server.base}PractitionerRole/role-new`);
    assert.ok(location.includes(roleNow.json.practitioner.reference + '/_history/1'));
    const refused = await call(server.base, { method: 'POST', body: { ...body, entry: [...body.entry, { request: { method: 'PUT', url: 'Foo/1' }, resource: { resourceType: 'Foo' } }] } });
    assert.equal(refused.status, 400);
  });

  describe('faults', () => {
    const setFaults = (faults) => call(`${server.root}$test/faults`, { method: 'POST', body: { faults } });
    after(() => call(`${server.root}$test/faults`, { method: 'DELETE' }));

    test('skip and times; 500, 503, 429 with Retry-After; the request log', async () => {
      await call(`${server.root}$test/requests`, { method: 'DELETE' });
      assert.equal((await setFaults([
        { match: 'Location?', skip: 1, times: 2, kind: '500' },
        { match: 'Organization?', kind: '503' },
        { match: 'Patient?', kind: '429' },
      ])).status, 200);
      const statuses = [];
      for (let i = 0; i < 4; i++) statuses.push((await call(`${server.base}Location?_count=1`)).status);
      assert.deepEqual(statuses, [200, 500, 500, 200]);
      const unavailable = await call(`${server.base}Organization?_count=1`);
      assert.equal(unavailable.status, 503);
      assert.equal(unavailable.json.resourceType, 'OperationOutcome');
      const throttled = await call(`${server.base}Patient?_count=1`);
      assert.equal(throttled.status, 429);
      assert.equal(throttled.headers.get('retry-after'), '1');
      assert.equal((await call(`${server.base}Patient?_count=1`)).status, 200);
      const log = (await call(`${server.root}$test/requests`)).json.requests;
      assert.deepEqual(log.map((r) => r.status), [200, 500, 500, 200, 503, 429, 200]);
      assert.equal(log[1].fault, '500');
      assert.equal(log[0].url, '/Location?_count=1');
      assert.equal((await setFaults([{ kind: 'nonsense' }])).status, 400);
    });

    test('malformed: 200 with a body that is not JSON', async () => {
      await setFaults([{ match: 'Practitioner?', kind: 'malformed' }]);
      const r = await call(`${server.base}Practitioner?_count=5`);
      assert.equal(r.status, 200);
      assert.equal(r.json, undefined);
      assert.throws(() => JSON.parse(r.text));
    });

    test('hostile: 200, a JSON Bundle of garbage entries', async () => {
      await setFaults([{ match: 'Practitioner?', kind: 'hostile' }]);
      const r = await call(`${server.base}Practitioner?_count=5`);
      assert.equal(r.status, 200);
      assert.equal(r.json.resourceType, 'Bundle');
      assert.ok(r.text.length > 10 * 1024 * 1024);
      const entries = r.json.entry;
      assert.ok(entries.some((e) => e && !('resource' in e)));
      assert.ok(entries.some((e) => e?.resource?.resourceType === 'Observation'));
      assert.ok(entries.some((e) => typeof e?.resource?.name === 'number'));
      assert.ok(entries.some((e) => Array.isArray(e?.resource?.extension?.[0]?.[0]?.[0])));
    });

    test('timeout: accepted, never answered', async () => {
      await setFaults([{ match: 'Practitioner?', kind: 'timeout' }]);
      await assert.rejects(call(`${server.base}Practitioner?_count=5`, { signal: AbortSignal.timeout(500) }), { name: 'TimeoutError' });
      assert.equal((await call(`${server.base}Practitioner?_count=5`)).status, 200, 'times: 1');
    });

    test('drop: the connection is cut mid-response', async () => {
      await setFaults([{ match: 'Practitioner?', kind: 'drop' }]);
      await assert.rejects(call(`${server.base}Practitioner?_count=5`));
      assert.equal((await call(`${server.base}Practitioner?_count=5`)).status, 200);
    });
  });

  test('reset empties the repository', async () => {
    assert.equal((await call(`${server.root}$test/reset`, { method: 'POST' })).status, 200);
    const r = await call(`${server.base}Practitioner`);
    assert.equal(r.json.total, 0);
    assert.equal((await call(`${server.base}Practitioner/_history`)).json.total, 0);
  });
});

describe('authentication', () => {
  test('bearer: 401 with an OperationOutcome without the token; controls need none', async () => {
    const server = await startServer(['--auth', 'bearer', '--token', 'sesame']);
    try {
      for (const headers of [{}, { Authorization: 'Bearer wrong' }, { Authorization: 'Basic c2VzYW1lOg==' }]) {
        const r = await call(`${server.base}Practitioner`, { headers });
        assert.equal(r.status, 401);
        assert.equal(r.json.resourceType, 'OperationOutcome');
        assert.ok(r.json.issue[0].diagnostics);
        assert.match(r.headers.get('www-authenticate'), /^Bearer/);
      }
      assert.equal((await call(`${server.base}Practitioner`, { headers: { Authorization: 'Bearer sesame' } })).status, 200);
      assert.equal((await call(`${server.root}$test/requests`)).status, 200);
    } finally {
      await server.stop();
    }
  });

  test('basic', async () => {
    const server = await startServer(['--auth', 'basic', '--user', 'ihris', '--password', 'p@ss:word']);
    try {
      const good = 'Basic ' + Buffer.from('ihris:p@ss:word').toString('base64');
      assert.equal((await call(`${server.base}Practitioner`)).status, 401);
      assert.equal((await call(`${server.base}Practitioner`, { headers: { Authorization: 'Basic ' + Buffer.from('ihris:nope').toString('base64') } })).status, 401);
      assert.equal((await call(`${server.base}Practitioner`, { headers: { Authorization: good } })).status, 200);
    } finally {
      await server.stop();
    }
  });
});

describe('--stamps strict', () => {
  test('stamps never repeat, so gt the last one seen is exact', async () => {
    const server = await startServer(['--stamps', 'strict']);
    try {
      const resources = Array.from({ length: 3000 }, (_, i) => practitioner(i));
      assert.equal((await call(server.base, { method: 'POST', body: batch(resources) })).status, 200);
      const all = (await pages(`${server.base}Practitioner?_sort=_lastUpdated&_count=1000`)).flatMap((b) => b.entry.map((e) => e.resource));
      for (let i = 1; i < all.length; i++) assert.ok(all[i - 1].meta.lastUpdated < all[i].meta.lastUpdated);
      const gt = idsOf(await pages(`${server.base}Practitioner?_sort=_lastUpdated&_count=1000&_lastUpdated=gt${all[999].meta.lastUpdated}`));
      assert.deepEqual(gt, all.slice(1000).map((r) => `Practitioner/${r.id}`));
      // 3,000 writes in a few ms ran the clock ahead; the Date header follows it.
      const date = Date.parse((await call(`${server.base}Practitioner?_count=1`)).headers.get('date'));
      assert.ok(date >= Date.parse(all.at(-1).meta.lastUpdated) - 1000);
    } finally {
      await server.stop();
    }
  });
});

describe('snapshot paging (HAPI-style _getpages links)', () => {
  test('every match exactly once, even with a write in between', async () => {
    const server = await startServer(['--paging', 'snapshot']);
    try {
      const resources = Array.from({ length: 250 }, (_, i) => practitioner(i));
      assert.equal((await call(server.base, { method: 'POST', body: batch(resources, 'transaction') })).status, 200);
      const first = (await call(`${server.base}Practitioner?_sort=_lastUpdated&_count=100`)).json;
      const next = first.link.find((l) => l.relation === 'next').url;
      assert.match(next, /\/fhir\/R4\/\?_getpages=[0-9a-f-]+&_getpagesoffset=100&_count=100/);
      // Practitioner 0 (on page 1) changes: with _offset paging everything would shift by one.
      await call(`${server.base}Practitioner/hw-000000`, { method: 'PUT', body: { ...practitioner(0), active: false } });
      const rest = await pages(next);
      const ids = idsOf([first, ...rest]);
      assert.equal(ids.length, 250);
      assert.equal(new Set(ids).size, 250);
      assert.equal((await call(`${server.base}?_getpages=expired&_getpagesoffset=0`)).status, 410);
    } finally {
      await server.stop();
    }
  });
});

describe('life cycle', () => {
  test('exits when its stdin closes', async () => {
    const server = await startServer();
    const exited = new Promise((resolve) => server.child.once('exit', (code) => resolve(code)));
    server.child.stdin.end();
    assert.equal(await exited, 0);
  });

  test('exits on SIGTERM, even with a request hanging', async () => {
    const server = await startServer();
    await call(`${server.root}$test/faults`, { method: 'POST', body: { faults: [{ kind: 'timeout' }] } });
    const hanging = call(`${server.base}Practitioner`).catch((e) => e);
    await new Promise((r) => setTimeout(r, 100));
    assert.equal(await server.stop(), 0);
    assert.ok((await hanging) instanceof Error);
  });
});
