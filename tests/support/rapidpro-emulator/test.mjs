// Self-check for the RapidPro emulator: `node --test test.mjs` (or `npm test`).
import { test, before, after, beforeEach, describe } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const here = path.dirname(fileURLToPath(import.meta.url));
const TOKEN = 'test-token';

function startServer(extraArgs = []) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(here, 'server.mjs'), '--port', '0', ...extraArgs], {
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    let buf = '';
    const onData = (d) => {
      buf += d;
      const m = /^LISTENING (\d+)\n/.exec(buf);
      if (m) {
        child.stdout.off('data', onData);
        resolve({ child, base: `http://127.0.0.1:${m[1]}`, stop: () => child.stdin.end() });
      }
    };
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', onData);
    child.on('exit', (code) => reject(new Error(`server exited early (${code})`)));
    setTimeout(() => reject(new Error('server did not start')), 5000).unref();
  });
}

function client(base) {
  const api = async (method, p, body, { token = TOKEN, headers = {}, signal } = {}) => {
    const h = { ...headers };
    if (token) h.Authorization = `Token ${token}`;
    let payload;
    if (body !== undefined) {
      h['Content-Type'] ??= 'application/json';
      payload = typeof body === 'string' ? body : JSON.stringify(body);
    }
    const url = p.startsWith('http') ? p : base + p;
    const res = await fetch(url, { method, headers: h, body: payload, signal });
    const text = await res.text();
    let json;
    try { json = JSON.parse(text); } catch { json = undefined; }
    return { status: res.status, headers: res.headers, json, text };
  };
  const ctl = async (method, p, body) => {
    const res = await fetch(`${base}/$test/${p}`, {
      method, headers: { 'Content-Type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body),
    });
    return res.json();
  };
  return { api, ctl };
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const MODERN_KEYS = ['uuid', 'contact', 'urn', 'channel', 'direction', 'type', 'status', 'archived', 'visibility', 'text',
  'labels', 'flow', 'attachments', 'quick_replies', 'created_on', 'sent_on', 'modified_on', 'media', 'id', 'broadcast'];
const DATE_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;

describe('modern server', () => {
  let srv; let api; let ctl;
  before(async () => { srv = await startServer(); ({ api, ctl } = client(srv.base)); });
  after(() => srv.stop());
  beforeEach(async () => { await ctl('POST', 'reset', {}); });

  test('auth: 403 bodies', async () => {
    let r = await api('GET', '/api/v2/messages.json', undefined, { token: null });
    assert.equal(r.status, 403);
    assert.deepEqual(r.json, { detail: 'Authentication credentials were not provided.' });
    r = await api('GET', '/api/v2/messages.json', undefined, { token: 'nope' });
    assert.equal(r.status, 403);
    assert.deepEqual(r.json, { detail: 'Invalid token' });
    r = await api('GET', '/api/v2/messages.json');
    assert.equal(r.status, 200);
    assert.deepEqual(r.json, { next: null, previous: null, results: [] });
  });

  test('600 inbound messages paged 250/250/100, newest first, exactly once, stable under inserts', async () => {
    const items = Array.from({ length: 600 }, (_, i) => ({ urn: `tel:+23177${String(1000000 + (i % 50))}`, text: `m${i}` }));
    const created = await ctl('POST', 'inbound', items);
    assert.equal(created.length, 600);
    const sizes = [];
    const seen = [];
    let url = '/api/v2/messages.json?folder=inbox';
    let first = true;
    while (url) {
      const r = await api('GET', url);
      assert.equal(r.status, 200);
      sizes.push(r.json.results.length);
      seen.push(...r.json.results.map((m) => m.text));
      if (r.json.next) assert.match(r.json.next, /^http:\/\/127\.0\.0\.1:\d+\/api\/v2\/messages\.json\?folder=inbox&cursor=/);
      if (first) { // a message arriving mid-paging must not cause skips/repeats
        await ctl('POST', 'inbound', { urn: 'tel:+231770999999', text: 'late' });
        first = false;
      }
      url = r.json.next;
    }
    assert.deepEqual(sizes, [250, 250, 100]);
    assert.deepEqual(seen, Array.from({ length: 600 }, (_, i) => `m${599 - i}`));
    // the late message is found by the next incremental poll
    const newest = created[created.length - 1].created_on;
    const r = await api('GET', `/api/v2/messages.json?folder=inbox&after=${newest}`);
    assert.deepEqual(r.json.results.map((m) => m.text), ['late', 'm599']); // after= is inclusive
  });

  test('before/after filter created_on (inclusive); bad date => empty; bad cursor => 404', async () => {
    await ctl('POST', 'inbound', [
      { urn: 'tel:+231770000001', text: 'a', created_on: '2024-01-01T10:00:00.000000Z' },
      { urn: 'tel:+231770000001', text: 'b', created_on: '2024-01-02T10:00:00.000000Z' },
      { urn: 'tel:+231770000001', text: 'c', created_on: '2024-01-03T10:00:00.000000Z' },
    ]);
    const texts = async (q) => (await api('GET', `/api/v2/messages.json?${q}`)).json.results.map((m) => m.text);
    assert.deepEqual(await texts('after=2024-01-02T10:00:00.000000Z'), ['c', 'b']);
    assert.deepEqual(await texts('before=2024-01-02T10:00:00.000000Z'), ['b', 'a']);
    assert.deepEqual(await texts('after=2024-01-01T12:00:00Z&before=2024-01-02T12:00:00Z'), ['b']);
    assert.deepEqual(await texts('after=garbage'), []);
    let r = await api('GET', '/api/v2/messages.json?cursor=bogus');
    assert.equal(r.status, 404);
    assert.deepEqual(r.json, { detail: 'Invalid cursor' });
    r = await api('GET', '/api/v2/messages.json?id=xyz');
    assert.deepEqual([r.status, r.json], [400, { detail: 'Value for id must be an integer' }]);
    r = await api('GET', '/api/v2/messages.json?folder=inbox&contact=abc');
    assert.equal(r.status, 400);
    assert.equal(r.json.detail, 'You may only specify one of the contact, folder, label, broadcast parameters');
    r = await api('GET', '/api/v2/nothing.json');
    assert.deepEqual([r.status, r.json], [404, { detail: 'Not found.' }]);
  });

  test('POST messages: 201 + shape; lookup by URN; validation errors', async () => {
    const c = await ctl('POST', 'contacts', { urn: 'tel:0770123456', name: 'Ann' });
    assert.deepEqual(c.urns, ['tel:+231770123456']);
    let r = await api('POST', '/api/v2/messages.json', { contact: c.uuid, text: 'Hello Ann' });
    assert.equal(r.status, 201);
    assert.deepEqual(Object.keys(r.json), MODERN_KEYS);
    assert.equal(r.json.status, 'queued');
    assert.equal(r.json.direction, 'out');
    assert.equal(r.json.urn, 'tel:+231770123456');
    assert.deepEqual(r.json.contact, { uuid: c.uuid, name: 'Ann' });
    assert.match(r.json.created_on, DATE_RE);
    assert.equal(r.json.sent_on, null);
    assert.equal(r.headers.get('x-temba-workspace') !== null, true);
    r = await api('POST', '/api/v2/messages.json', { contact: 'tel:+231770123456', text: 'by urn' });
    assert.equal(r.status, 201);

    const bad = async (body, expected) => {
      const res = await api('POST', '/api/v2/messages.json', body);
      assert.equal(res.status, 400, JSON.stringify(res.json));
      assert.deepEqual(res.json, expected);
    };
    await bad({}, { contact: ['This field is required.'] });
    await bad({ contact: c.uuid }, { non_field_errors: ['Must provide either text or attachments.'] });
    await bad({ contact: 'f2b0c6d9-0000-4000-8000-000000000000', text: 'x' }, { contact: ['No such object: f2b0c6d9-0000-4000-8000-000000000000'] });
    await bad({ contact: c.uuid, text: 'x', attachments: ['xxxx'] }, { attachments: ['No such object: xxxx'] });
    await bad([1, 2], { non_field_errors: ['Request body should be a single JSON object'] });
    await bad({ contact: c.uuid, text: 'x'.repeat(641) }, { text: ['Ensure this field has no more than 640 characters.'] });
    const malformed = await api('POST', '/api/v2/messages.json', '{"contact": ');
    assert.equal(malformed.status, 400);
    assert.match(malformed.json.detail, /^JSON parse error - /);
    const sent = await ctl('GET', 'sent');
    assert.equal(sent.length, 2);
    assert.deepEqual(sent.map((s) => s.via), ['messages', 'messages']);
  });

  test('media upload + attachment by media uuid; file is served', async () => {
    const c = await ctl('POST', 'contacts', { urn: 'tel:+231770123456' });
    const fd = new FormData();
    fd.append('file', new Blob([Buffer.from('PNGDATA')], { type: 'image/png' }), 'pic.png');
    let res = await fetch(`${srv.base}/api/v2/media.json`, { method: 'POST', headers: { Authorization: `Token ${TOKEN}` }, body: fd });
    assert.equal(res.status, 201);
    const media = await res.json();
    assert.deepEqual(Object.keys(media), ['uuid', 'content_type', 'url', 'filename', 'size']);
    assert.equal(media.size, 7);
    res = await fetch(media.url);
    assert.equal(await res.text(), 'PNGDATA');
    const r = await api('POST', '/api/v2/messages.json', { contact: c.uuid, attachments: [media.uuid] });
    assert.equal(r.status, 201);
    assert.deepEqual(r.json.attachments, [{ content_type: 'image/png', url: media.url }]);
    assert.equal(r.json.media, `image/png:${media.url}`);
  });

  test('broadcast with urns and a {lang: text} map; contacts created; messages linked', async () => {
    const known = await ctl('POST', 'contacts', { urn: 'whatsapp:231770000009', name: 'Kim' });
    const r = await api('POST', '/api/v2/broadcasts.json', {
      urns: ['tel:+231770000001', 'tel:+231 77 000 0002'], contacts: [known.uuid], text: { eng: 'Hello', fra: 'Bonjour' },
    });
    assert.equal(r.status, 201, JSON.stringify(r.json));
    assert.deepEqual(Object.keys(r.json), ['uuid', 'status', 'progress', 'urns', 'contacts', 'groups', 'text',
      'attachments', 'quick_replies', 'base_language', 'created_on', 'id']);
    assert.deepEqual(r.json.urns, ['tel:+231770000001', 'tel:+231770000002']);
    assert.deepEqual(r.json.text, { eng: 'Hello', fra: 'Bonjour' });
    assert.equal(r.json.base_language, 'eng');
    assert.equal(r.json.status, 'pending');
    const contacts = (await api('GET', '/api/v2/contacts.json')).json.results;
    assert.equal(contacts.length, 3);
    const msgs = (await api('GET', `/api/v2/messages.json?broadcast=${r.json.id}`)).json.results;
    assert.equal(msgs.length, 3);
    assert.ok(msgs.every((m) => m.broadcast === r.json.id && m.text === 'Hello'));
    const sent = await ctl('GET', 'sent');
    assert.equal(sent.filter((s) => s.via === 'broadcasts' && s.broadcast === r.json.id).length, 3);
    const list = (await api('GET', '/api/v2/broadcasts.json')).json.results;
    assert.equal(list[0].status, 'completed');
    assert.deepEqual(list[0].progress, { total: 3, started: 3 });
    // string text => base language
    const r2 = await api('POST', '/api/v2/broadcasts.json', { urns: ['tel:+231770000001'], text: 'Hi' });
    assert.deepEqual(r2.json.text, { eng: 'Hi' });
    // validation
    let e = await api('POST', '/api/v2/broadcasts.json', { text: 'Hi' });
    assert.deepEqual([e.status, e.json], [400, { non_field_errors: ['Must provide either urns, contacts or groups.'] }]);
    e = await api('POST', '/api/v2/broadcasts.json', { urns: ['tel:+231770000001'] });
    assert.deepEqual(e.json, { non_field_errors: ['Must provide either text or attachments.'] });
    e = await api('POST', '/api/v2/broadcasts.json', { urns: ['tel:123'], text: 'x' });
    assert.deepEqual(e.json, { urns: { 0: ['Invalid URN: tel:123. Ensure phone numbers contain country codes.'] } });
    e = await api('POST', '/api/v2/broadcasts.json', { urns: Array.from({ length: 101 }, (_, i) => `tel:+2317700${10000 + i}`), text: 'x' });
    assert.deepEqual(e.json, { urns: ['Ensure this field has no more than 100 elements.'] });
    e = await api('POST', '/api/v2/broadcasts.json', { contacts: [known.uuid], text: { kin: 'Muraho' }, base_language: 'eng' });
    assert.deepEqual(e.json, { non_field_errors: ['No text translation provided in base language.'] });
  });

  test('throttle: 429 + Retry-After + DRF body', async () => {
    await ctl('POST', 'faults', { throttle: { limit: 3, per_seconds: 2 } });
    for (let i = 0; i < 3; i++) assert.equal((await api('GET', '/api/v2/contacts.json')).status, 200);
    const r = await api('GET', '/api/v2/contacts.json');
    assert.equal(r.status, 429);
    const wait = Number(r.headers.get('retry-after'));
    assert.ok(wait >= 1 && wait <= 2, `retry-after ${wait}`);
    assert.match(r.json.detail, /^Request was throttled\. Expected available in [12] seconds?\.$/);
    await ctl('POST', 'faults', {});
    assert.equal((await api('GET', '/api/v2/contacts.json')).status, 200);
  });

  test('faults: loop_next points next at the same page; hang_get holds GETs of one endpoint', async () => {
    await ctl('POST', 'inbound', { urn: 'tel:+231770123456', text: 'hi', type: 'sticker' });
    await ctl('POST', 'faults', { loop_next: ['messages'] });
    const first = await api('GET', '/api/v2/messages.json?folder=inbox');
    assert.equal(first.status, 200);
    assert.equal(first.json.results[0].type, 'sticker');
    assert.match(first.json.next, /\/api\/v2\/messages\.json\?folder=inbox$/);
    assert.equal((await api('GET', '/api/v2/contacts.json')).json.next, null);
    await ctl('POST', 'faults', { loop_next: null, hang_get: ['messages'] });
    await assert.rejects(api('GET', '/api/v2/messages.json', undefined, { signal: AbortSignal.timeout(300) }));
    assert.equal((await api('GET', '/api/v2/contacts.json')).status, 200);
    const c = await ctl('POST', 'contacts', { urn: 'tel:+231770123457' });
    assert.equal((await api('POST', '/api/v2/messages.json', { contact: c.uuid, text: 'still sent' })).status, 201);
    await ctl('POST', 'faults', {});
  });

  test('faults: send_fail, accept_then_drop, drop, timeout, get_fail', async () => {
    const c = await ctl('POST', 'contacts', { urn: 'tel:+231770123456' });
    await ctl('POST', 'faults', { send_fail_rate: 1 });
    let r = await api('POST', '/api/v2/messages.json', { contact: c.uuid, text: 'x' });
    assert.equal(r.status, 500);
    assert.equal((await ctl('GET', 'sent')).length, 0);

    await ctl('POST', 'faults', { send_fail_rate: 0, accept_then_drop_rate: 1 });
    await assert.rejects(api('POST', '/api/v2/messages.json', { contact: c.uuid, text: 'ambiguous' }));
    const sent = await ctl('GET', 'sent');
    assert.deepEqual(sent.map((s) => s.text), ['ambiguous']);

    await ctl('POST', 'faults', {});
    await ctl('POST', 'faults', { drop_rate: 1 });
    await assert.rejects(api('GET', '/api/v2/messages.json'));

    await ctl('POST', 'faults', { drop_rate: 0, timeout_rate: 1 });
    await assert.rejects(api('GET', '/api/v2/messages.json', undefined, { signal: AbortSignal.timeout(300) }));

    await ctl('POST', 'faults', { timeout_rate: 0, get_fail_rate: 1 });
    r = await api('GET', '/api/v2/messages.json');
    assert.equal(r.status, 500);
    assert.equal(r.text, 'Server Error. Site administrators have been notified.');

    await ctl('POST', 'faults', {});
    assert.equal((await api('GET', '/api/v2/messages.json')).status, 200);
    const log = await ctl('GET', 'requests');
    assert.ok(log.includes('POST /api/v2/messages.json 500'));
    assert.ok(log.includes('POST /api/v2/messages.json ACCEPT-DROP'));
    assert.ok(log.includes('GET /api/v2/messages.json DROP'));
    assert.ok(log.includes('GET /api/v2/messages.json TIMEOUT'));
    assert.deepEqual(await ctl('GET', 'requests'), []);
  });

  test('status lifecycle queued->wired->sent->delivered, visible via folder=sent&after=<created_on>', async () => {
    await ctl('POST', 'faults', { advance_ms: 15 });
    const c = await ctl('POST', 'contacts', { urn: 'tel:+231770123456' });
    const m = (await api('POST', '/api/v2/messages.json', { contact: c.uuid, text: 'track me' })).json;
    await sleep(150);
    const r = await api('GET', `/api/v2/messages.json?folder=sent&after=${m.created_on}`);
    assert.equal(r.json.results.length, 1);
    const got = r.json.results[0];
    assert.equal(got.uuid, m.uuid);
    assert.equal(got.status, 'delivered');
    assert.ok(got.modified_on > m.modified_on);
    assert.match(got.sent_on, DATE_RE);
    const byUuid = await api('GET', `/api/v2/messages.json?uuid=${m.uuid}`);
    assert.equal(byUuid.json.results[0].status, 'delivered');

    // manual control
    await ctl('POST', 'faults', { auto_progress: false });
    const m2 = (await api('POST', '/api/v2/messages.json', { contact: c.uuid, text: 'manual' })).json;
    await sleep(60);
    assert.equal((await api('GET', `/api/v2/messages.json?uuid=${m2.uuid}`)).json.results[0].status, 'queued');
    assert.equal((await api('GET', '/api/v2/messages.json?folder=outbox')).json.results.length, 1);
    const upd = await ctl('POST', 'status', { uuid: m2.uuid, status: 'failed', failed_reason: 'E' });
    assert.equal(upd.status, 'failed');
    assert.ok(upd.modified_on > m2.modified_on);
    assert.equal((await api('GET', '/api/v2/messages.json?folder=failed')).json.results[0].uuid, m2.uuid);
  });

  test('stopped/blocked contacts: 201 with status failed, no progression', async () => {
    const c = await ctl('POST', 'contacts', { urn: 'tel:+231770123456', status: 'stopped' });
    assert.equal(c.status, 'stopped');
    assert.equal(c.stopped, true);
    const r = await api('POST', '/api/v2/messages.json', { contact: c.uuid, text: 'are you there?' });
    assert.equal(r.status, 201);
    assert.equal(r.json.status, 'failed');
    assert.equal(r.json.urn, 'tel:+231770123456');
    await sleep(120);
    assert.equal((await api('GET', `/api/v2/messages.json?uuid=${r.json.uuid}`)).json.results[0].status, 'failed');
    const b = await ctl('POST', 'contacts', { urn: 'tel:+231770123457', status: 'blocked' });
    const bc = await api('POST', '/api/v2/broadcasts.json', { contacts: [b.uuid, c.uuid], text: 'hi' });
    assert.equal(bc.status, 201);
    const sent = await ctl('GET', 'sent');
    assert.equal(sent.length, 3);
    assert.ok(sent.every((s) => s.status === 'failed'));
  });

  test('contacts endpoint: modified_on order, after filter, urn filter', async () => {
    await ctl('POST', 'inbound', [{ urn: 'tel:+231770000001', text: 'a', name: 'A' }, { urn: 'whatsapp:231770000002', text: 'b' }]);
    let r = await api('GET', '/api/v2/contacts.json');
    assert.deepEqual(r.json.results.map((c) => c.urns[0]), ['whatsapp:231770000002', 'tel:+231770000001']);
    const first = r.json.results[1];
    assert.deepEqual(Object.keys(first), ['uuid', 'name', 'status', 'language', 'urns', 'groups', 'notes', 'fields',
      'flow', 'created_on', 'modified_on', 'last_seen_on', 'blocked', 'stopped']);
    await ctl('POST', 'contacts', { urn: 'tel:+231770000001', status: 'blocked' });
    r = await api('GET', `/api/v2/contacts.json?after=${r.json.results[0].modified_on}`);
    assert.deepEqual(r.json.results.map((c) => c.status), ['blocked', 'active']);
    r = await api('GET', `/api/v2/contacts.json?urn=${encodeURIComponent('tel:+231770000001')}`);
    assert.equal(r.json.results.length, 1);
    assert.equal(r.json.results[0].name, 'A');
  });

  test('bulk inbound is fast', async () => {
    const t0 = Date.now();
    const items = Array.from({ length: 3000 }, (_, i) => ({ urn: `tel:+2317${String(70000000 + i)}`, text: `x${i}` }));
    const res = await ctl('POST', 'inbound', items);
    assert.equal(res.length, 3000);
    assert.ok(Date.now() - t0 < 3000);
  });
});

describe('legacy server (--legacy --page-size 2)', () => {
  let srv; let api; let ctl;
  before(async () => { srv = await startServer(['--legacy', '--page-size', '2', '--token', 'abc']); ({ api, ctl } = client(srv.base)); });
  after(() => srv.stop());

  test('id-only messages and folder=incoming ordered/filtered by modified_on', async () => {
    const [m1, m2, m3] = await ctl('POST', 'inbound', [
      { urn: 'tel:+231770000001', text: 'one' }, { urn: 'tel:+231770000001', text: 'two' }, { urn: 'tel:+231770000001', text: 'three' },
    ]);
    assert.equal(m1.uuid, undefined);
    assert.equal(typeof m1.id, 'number');
    assert.deepEqual(Object.keys(m1), ['id', 'broadcast', 'contact', 'urn', 'channel', 'direction', 'type', 'status',
      'archived', 'visibility', 'text', 'labels', 'flow', 'attachments', 'created_on', 'sent_on', 'modified_on', 'media']);
    let r = await api('GET', '/api/v2/messages.json?folder=incoming', undefined, { token: 'abc' });
    assert.deepEqual(r.json.results.map((m) => m.text), ['three', 'two']);
    r = await api('GET', r.json.next, undefined, { token: 'abc' });
    assert.deepEqual(r.json.results.map((m) => m.text), ['one']);
    assert.equal(r.json.next, null);
    r = await api('GET', `/api/v2/messages.json?folder=incoming&after=${m2.modified_on}`, undefined, { token: 'abc' });
    assert.deepEqual(r.json.results.map((m) => m.id), [m3.id, m2.id]);
    const c = (await api('GET', '/api/v2/contacts.json', undefined, { token: 'abc' })).json.results[0];
    const sent = await api('POST', '/api/v2/messages.json', { contact: c.uuid, text: 'reply' }, { token: 'abc' });
    assert.equal(sent.status, 201);
    assert.equal(sent.json.uuid, undefined);
    assert.equal(sent.json.id, 4);
    assert.equal((await ctl('GET', 'sent')).length, 1);
  });
});

test('server exits when stdin closes', async () => {
  const srv = await startServer();
  const exited = new Promise((r) => srv.child.on('exit', r));
  srv.stop();
  await exited;
});
