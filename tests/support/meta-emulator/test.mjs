// Self-check for the Meta emulator: `node --test test.mjs` (or `npm test`).
import { test, before, after, beforeEach, describe } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const here = path.dirname(fileURLToPath(import.meta.url));
const TOKEN = 'wa-test-token';
const PAGE_TOKEN = 'page-test-token';
const SECRET = 'test-app-secret';
const PNID = '106540352242922';
const WABA = '102290129340398';
const PAGE = '100200300400500';
const USER = '231770123456';

function startServer(extraArgs = []) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(here, 'server.mjs'), '--port', '0', ...extraArgs], { stdio: ['pipe', 'pipe', 'inherit'] });
    let buf = '';
    const onData = (d) => {
      buf += d;
      const m = /^LISTENING (\d+)\n/.exec(buf);
      if (m) {
        child.stdout.off('data', onData);
        resolve({ base: `http://127.0.0.1:${m[1]}`, stop: () => child.stdin.end() });
      }
    };
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', onData);
    child.on('exit', (code) => reject(new Error(`server exited early (${code})`)));
    setTimeout(() => reject(new Error('server did not start')), 5000).unref();
  });
}

// A webhook receiver like the application's: verifies the signature over the raw bytes, answers
// the GET handshake, and answers POSTs with the statuses queued in `answers` (then 200).
function startReceiver() {
  const got = [];
  const answers = [];
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    if (req.method === 'GET') {
      const ok = url.searchParams.get('hub.mode') === 'subscribe' && url.searchParams.get('hub.verify_token') === 'test-verify-token';
      res.writeHead(ok ? 200 : 403, { 'Content-Type': 'text/plain' });
      return res.end(ok ? url.searchParams.get('hub.challenge') : 'forbidden');
    }
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks);
      const sig = String(req.headers['x-hub-signature-256'] || '').replace(/^sha256=/, '');
      const expected = createHmac('sha256', SECRET).update(raw).digest('hex');
      const valid = sig.length === expected.length && timingSafeEqual(Buffer.from(sig), Buffer.from(expected));
      const status = answers.length ? answers.shift() : 200;
      got.push({ path: url.pathname, valid, status, body: JSON.parse(raw.toString('utf8')), headers: req.headers });
      res.writeHead(status);
      res.end();
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({
    url: (p = '/webhook') => `http://127.0.0.1:${server.address().port}${p}`, got, answers, close: () => server.close(),
  })));
}

function client(base) {
  const graph = async (method, p, body, { token = TOKEN, headers = {} } = {}) => {
    const h = { ...headers };
    if (token) h.Authorization = `Bearer ${token}`;
    let payload = body;
    if (body !== undefined && !(body instanceof FormData) && typeof body !== 'string') {
      h['Content-Type'] = 'application/json';
      payload = JSON.stringify(body);
    }
    const url = p.startsWith('http') ? p : `${base}${p}`;
    const res = await fetch(url, { method, headers: h, body: payload });
    const buf = Buffer.from(await res.arrayBuffer());
    let json;
    try { json = JSON.parse(buf.toString('utf8')); } catch { json = undefined; }
    return { status: res.status, json, buf, headers: res.headers };
  };
  const ctl = async (method, p, body) => {
    const res = await fetch(`${base}/_control/${p}`, { method, headers: { 'Content-Type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await res.text();
    const json = text ? JSON.parse(text) : undefined;
    if (res.status >= 400 && !(p === 'webhooks/wait' && res.status === 408)) throw new Error(`${method} ${p}: ${res.status} ${text}`);
    return json;
  };
  return { graph, ctl };
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const text = (to, body) => ({ messaging_product: 'whatsapp', recipient_type: 'individual', to, type: 'text', text: { preview_url: false, body } });
const statusesOf = (deliveries) => deliveries.flatMap((d) => d.payload.entry[0].changes[0].value.statuses ?? []);

describe('meta emulator', () => {
  let srv; let graph; let ctl; let rx;
  before(async () => {
    srv = await startServer(['--status-delay-ms', '20', '--retry-base-ms', '20']);
    ({ graph, ctl } = client(srv.base));
    rx = await startReceiver();
  });
  after(() => { srv.stop(); rx.close(); });
  beforeEach(async () => {
    await ctl('POST', 'reset');
    rx.got.length = 0;
    rx.answers.length = 0;
    await ctl('POST', 'config', { whatsapp_target: rx.url('/wa'), messenger_target: rx.url('/fb') });
  });

  test('auth: Bearer token, any version prefix, invalid and expired tokens (190, 401)', async () => {
    let r = await graph('GET', `/v21.0/${PNID}`);
    assert.equal(r.status, 200);
    assert.equal(r.json.id, PNID);
    assert.equal((await graph('GET', `/v19.0/${PNID}`)).status, 200);
    assert.equal((await graph('GET', `/${PNID}?access_token=${TOKEN}`, undefined, { token: null })).status, 200);
    r = await graph('GET', `/v21.0/${PNID}`, undefined, { token: 'wrong' });
    assert.equal(r.status, 401);
    assert.equal(r.json.error.code, 190);
    assert.equal(r.json.error.type, 'OAuthException');
    assert.match(r.json.error.fbtrace_id, /^\S{6,}$/);
    r = await graph('POST', `/v21.0/${PNID}/messages`, text(USER, 'x'), { token: PAGE_TOKEN });
    assert.equal(r.status, 401, 'the page token is not a WhatsApp token');
    await ctl('POST', 'config', { token_expired: true });
    r = await graph('GET', `/v21.0/${PNID}`);
    assert.deepEqual([r.status, r.json.error.code, r.json.error.error_subcode], [401, 190, 463]);
    r = await graph('GET', `/v21.0/${PNID}`, undefined, { token: null });
    assert.equal(r.status, 400);
    r = await graph('GET', '/v21.0/999999/whatever');
    assert.equal(r.status, 401);
    await ctl('POST', 'config', { token_expired: false });
    r = await graph('GET', '/v21.0/999999');
    assert.deepEqual([r.status, r.json.error.code, r.json.error.error_subcode], [400, 100, 33]);
  });

  test('text inside the window: reply shape, then sent/delivered/read webhooks, signed', async () => {
    await ctl('POST', 'whatsapp/inbound', { from: USER, name: 'Ann', text: 'hi' });
    const r = await graph('POST', `/v21.0/${PNID}/messages`, text(`+${USER}`, 'Hello Ann'));
    assert.equal(r.status, 200);
    assert.deepEqual(Object.keys(r.json), ['messaging_product', 'contacts', 'messages']);
    assert.deepEqual(r.json.contacts, [{ input: `+${USER}`, wa_id: USER }]);
    const id = r.json.messages[0].id;
    assert.match(id, /^wamid\.[A-Za-z0-9+/=]+$/);
    const ds = await ctl('POST', 'webhooks/wait', { count: 4, channel: 'whatsapp' });
    assert.equal(ds.length, 4);
    const sts = statusesOf(ds);
    assert.deepEqual(sts.map((s) => s.status), ['sent', 'delivered', 'read']);
    for (const s of sts) {
      assert.equal(s.id, id);
      assert.equal(s.recipient_id, USER);
      assert.match(s.timestamp, /^\d{10}$/);
      assert.equal(s.pricing.category, 'service');
      assert.equal(s.pricing.pricing_model, 'PMP');
    }
    assert.equal(sts[0].conversation.origin.type, 'service');
    assert.match(sts[0].conversation.expiration_timestamp, /^\d+$/);
    // the receiver verified every signature over the raw body
    assert.equal(rx.got.length, 4);
    assert.ok(rx.got.every((g) => g.valid && g.path === '/wa'));
    assert.ok(rx.got.every((g) => g.body.object === 'whatsapp_business_account' && g.body.entry[0].id === WABA));
    assert.equal(rx.got[1].body.entry[0].changes[0].field, 'messages');
    assert.deepEqual(rx.got[1].body.entry[0].changes[0].value.metadata, { display_phone_number: '15550783881', phone_number_id: PNID });
    const sent = await ctl('GET', 'sent');
    assert.equal(sent.length, 1);
    assert.deepEqual([sent[0].id, sent[0].status, sent[0].request.text.body, sent[0].window_open], [id, 'read', 'Hello Ann', true]);
  });

  test('24-hour window: free-form outside it fails with 131047 (async by default, sync on demand); templates pass', async () => {
    // never wrote
    let r = await graph('POST', `/v21.0/${PNID}/messages`, text(USER, 'hello?'));
    assert.equal(r.status, 200);
    let ds = await ctl('POST', 'webhooks/wait', { count: 1 });
    let st = statusesOf(ds);
    assert.deepEqual(st.map((s) => s.status), ['failed']);
    assert.equal(st[0].errors[0].code, 131047);
    assert.equal(st[0].errors[0].title, 'Re-engagement message');
    assert.match(st[0].errors[0].error_data.details, /more than 24 hours/);
    // wrote 25 h ago: closed; 23 h ago: open
    await ctl('POST', 'reset');
    await ctl('POST', 'config', { whatsapp_target: rx.url('/wa') });
    await ctl('POST', 'faults', { window_error: 'sync' });
    await ctl('POST', 'templates', { name: 'reminder', language: 'en', category: 'UTILITY', components: [{ type: 'BODY', text: 'Dear {{1}}, see you on {{2}}.' }] });
    await ctl('POST', 'whatsapp/users', { wa_id: USER, last_inbound: Math.floor(Date.now() / 1000) - 25 * 3600 });
    r = await graph('POST', `/v21.0/${PNID}/messages`, text(USER, 'late'));
    assert.equal(r.status, 400);
    assert.equal(r.json.error.code, 131047);
    assert.equal(r.json.error.message, '(#131047) Re-engagement message');
    assert.equal(r.json.error.error_data.messaging_product, 'whatsapp');
    const image = { messaging_product: 'whatsapp', to: USER, type: 'image', image: { link: 'https://example.org/a.jpg' } };
    assert.equal((await graph('POST', `/v21.0/${PNID}/messages`, image)).json.error.code, 131047);
    const tpl = { messaging_product: 'whatsapp', to: USER, type: 'template', template: { name: 'reminder', language: { code: 'en' }, components: [{ type: 'body', parameters: [{ type: 'text', text: 'Dr. A' }, { type: 'text', text: '31 March' }] }] } };
    r = await graph('POST', `/v21.0/${PNID}/messages`, tpl);
    assert.equal(r.status, 200);
    assert.equal(r.json.messages[0].message_status, 'accepted');
    ds = await ctl('POST', 'webhooks/wait', { count: 3 });
    st = statusesOf(ds);
    assert.deepEqual(st.map((s) => s.status), ['sent', 'delivered', 'read']);
    assert.equal(st[0].pricing.category, 'utility');
    assert.equal(st[0].pricing.billable, true);
    // the template did not reopen the window
    assert.equal((await graph('POST', `/v21.0/${PNID}/messages`, text(USER, 'still closed'))).status, 400);
    await ctl('POST', 'whatsapp/users', { wa_id: USER, last_inbound: new Date(Date.now() - 23 * 3600 * 1000).toISOString() });
    assert.equal((await graph('POST', `/v21.0/${PNID}/messages`, text(USER, 'open'))).status, 200);
  });

  test('templates: 132001 unknown or unapproved, 132000 parameter count, 132015/132016 paused/disabled', async () => {
    await ctl('POST', 'templates', [
      { name: 'greet', language: 'en', components: [{ type: 'HEADER', format: 'DOCUMENT' }, { type: 'BODY', text: 'Hi {{1}}' }, { type: 'BUTTONS', buttons: [{ type: 'URL', text: 'Open', url: 'https://x.org/{{1}}' }] }] },
      { name: 'greet', language: 'fr', status: 'PENDING', components: [{ type: 'BODY', text: 'Salut {{1}}' }] },
      { name: 'paused', language: 'en', status: 'PAUSED' },
      { name: 'off', language: 'en', status: 'DISABLED' },
    ]);
    const send = (name, code, components) => graph('POST', `/v21.0/${PNID}/messages`, { messaging_product: 'whatsapp', to: USER, type: 'template', template: { name, language: { code }, components } });
    const good = [
      { type: 'header', parameters: [{ type: 'document', document: { link: 'https://x.org/f.pdf', filename: 'f.pdf' } }] },
      { type: 'body', parameters: [{ type: 'text', text: 'Ann' }] },
      { type: 'button', sub_type: 'url', index: '0', parameters: [{ type: 'text', text: 'HW-1' }] },
    ];
    let r = await send('nope', 'en', []);
    assert.deepEqual([r.status, r.json.error.code], [404, 132001]);
    assert.equal(r.json.error.error_data.details, 'template name (nope) does not exist in en');
    r = await send('greet', 'pt_BR', good);
    assert.deepEqual([r.status, r.json.error.code], [404, 132001]);
    r = await send('greet', 'fr', [{ type: 'body', parameters: [{ type: 'text', text: 'Ann' }] }]);
    assert.deepEqual([r.status, r.json.error.code], [404, 132001], 'PENDING cannot be sent');
    r = await send('greet', 'en', good.slice(0, 2));
    assert.deepEqual([r.status, r.json.error.code], [400, 132000]);
    r = await send('greet', 'en', [good[0], { type: 'body', parameters: [] }, good[2]]);
    assert.deepEqual([r.status, r.json.error.code], [400, 132000]);
    assert.match(r.json.error.error_data.details, /body: number of localizable_params \(0\) does not match the expected number of params \(1\)/);
    assert.deepEqual((await send('paused', 'en')).json.error.code, 132015);
    assert.deepEqual((await send('off', 'en')).json.error.code, 132016);
    r = await send('greet', 'en', good);
    assert.equal(r.status, 200);
  });

  test('number not on WhatsApp: accepted, then one failed status 131026', async () => {
    await ctl('POST', 'whatsapp/users', { wa_id: '231770000009', not_on_whatsapp: true });
    await ctl('POST', 'templates', { name: 'hello', language: 'en_US' });
    const r = await graph('POST', `/v21.0/${PNID}/messages`, { messaging_product: 'whatsapp', to: '231770000009', type: 'template', template: { name: 'hello', language: { code: 'en_US' } } });
    assert.equal(r.status, 200);
    await ctl('POST', 'webhooks/wait', { count: 1 });
    await sleep(150); // nothing else follows
    const st = statusesOf(await ctl('GET', 'webhooks'));
    assert.deepEqual(st.map((s) => [s.status, s.errors?.[0].code]), [['failed', 131026]]);
  });

  test('validation: messaging_product, to, text length, bad media id', async () => {
    await ctl('POST', 'whatsapp/inbound', { from: USER, text: 'hi' });
    let r = await graph('POST', `/v21.0/${PNID}/messages`, { to: USER, type: 'text', text: { body: 'x' } });
    assert.deepEqual([r.status, r.json.error.code], [400, 100]);
    r = await graph('POST', `/v21.0/${PNID}/messages`, { messaging_product: 'whatsapp', type: 'text', text: { body: 'x' } });
    assert.deepEqual([r.status, r.json.error.code], [400, 100]);
    r = await graph('POST', `/v21.0/${PNID}/messages`, text(USER, 'x'.repeat(4097)));
    assert.deepEqual([r.status, r.json.error.code], [400, 131009]);
    assert.equal((await graph('POST', `/v21.0/${PNID}/messages`, text(USER, 'x'.repeat(4096)))).status, 200);
    r = await graph('POST', `/v21.0/${PNID}/messages`, { messaging_product: 'whatsapp', to: USER, type: 'image', image: { id: '123' } });
    assert.deepEqual([r.status, r.json.error.code], [400, 100]);
    r = await graph('POST', `/v21.0/${PNID}/messages`, '{not json', { headers: { 'Content-Type': 'application/json' } });
    assert.equal(r.status, 400);
    for (const body of [
      { messaging_product: 'whatsapp', to: USER, type: 'reaction', reaction: { message_id: 'wamid.x', emoji: '👍' } },
      { messaging_product: 'whatsapp', to: USER, type: 'interactive', interactive: { type: 'button', body: { text: 'ok?' }, action: { buttons: [{ type: 'reply', reply: { id: 'y', title: 'Yes' } }] } } },
      { messaging_product: 'whatsapp', to: USER, type: 'document', context: { message_id: 'wamid.q' }, document: { link: 'https://x.org/c.pdf', caption: 'Circular', filename: 'c.pdf' } },
    ]) assert.equal((await graph('POST', `/v21.0/${PNID}/messages`, body)).status, 200, JSON.stringify(body));
  });

  test('faults: error codes on the next N sends, 5xx, drop after accept, slow answers, pair rate limit', async () => {
    await ctl('POST', 'whatsapp/inbound', { from: USER, text: 'hi' });
    await ctl('POST', 'faults', { send_errors: [{ code: 130429, count: 2 }, { code: 131056, channel: 'whatsapp' }] });
    const codes = [];
    for (let i = 0; i < 4; i++) {
      const r = await graph('POST', `/v21.0/${PNID}/messages`, text(USER, `m${i}`));
      codes.push(r.status === 200 ? 200 : r.json.error.code);
    }
    assert.deepEqual(codes, [130429, 130429, 131056, 200]);
    await ctl('POST', 'faults', { server_error_next: 1, server_error_status: 503 });
    let r = await graph('POST', `/v21.0/${PNID}/messages`, text(USER, 'x'));
    assert.equal(r.status, 503);
    assert.equal(r.json.error.code, 2);
    await ctl('POST', 'faults', { drop_after_accept_next: 1 });
    await assert.rejects(graph('POST', `/v21.0/${PNID}/messages`, text(USER, 'ambiguous')));
    const sent = await ctl('GET', 'sent');
    assert.equal(sent.at(-1).request.text.body, 'ambiguous', 'the message was accepted before the socket died');
    await ctl('POST', 'faults', { delay_ms: 300 });
    const t0 = Date.now();
    assert.equal((await graph('GET', `/v21.0/${PNID}`)).status, 200);
    assert.ok(Date.now() - t0 >= 280);
    await ctl('POST', 'faults', {});
    await ctl('POST', 'faults', { pair_min_interval_ms: 6000 });
    assert.equal((await graph('POST', `/v21.0/${PNID}/messages`, text(USER, 'a'))).json.error?.code, 131056);
    const log = await ctl('GET', 'requests');
    assert.ok(log.includes(`POST /v21.0/${PNID}/messages ACCEPT-DROP`));
    assert.ok(log.includes(`POST /v21.0/${PNID}/messages 503`));
    assert.deepEqual(await ctl('GET', 'requests'), []);
  });

  test('media: upload, short-lived authenticated URL, download bytes, expiry, delete, send by id', async () => {
    const bytes = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 1, 2, 3, 250, 251]);
    const form = new FormData();
    form.append('messaging_product', 'whatsapp');
    form.append('type', 'image/jpeg');
    form.append('file', new Blob([bytes], { type: 'image/jpeg' }), 'photo.jpg');
    let r = await graph('POST', `/v21.0/${PNID}/media`, form);
    assert.equal(r.status, 200);
    const id = r.json.id;
    assert.match(id, /^\d+$/);
    r = await graph('GET', `/v21.0/${id}`);
    assert.equal(r.status, 200);
    assert.deepEqual([r.json.mime_type, r.json.file_size, r.json.id, r.json.sha256], ['image/jpeg', bytes.length, id, createHash('sha256').update(bytes).digest('hex')]);
    const url = r.json.url;
    assert.equal((await graph('GET', url, undefined, { token: null })).status, 401, 'the download needs the token');
    r = await graph('GET', url);
    assert.equal(r.status, 200);
    assert.deepEqual(r.buf, bytes);
    assert.equal(r.headers.get('content-type'), 'image/jpeg');
    const stored = await fetch(`${srv.base}/_control/media/${id}/bytes`);
    assert.deepEqual(Buffer.from(await stored.arrayBuffer()), bytes);
    // expiry
    await ctl('POST', 'config', { media_url_ttl_s: 1 });
    const shortUrl = (await graph('GET', `/v21.0/${id}`)).json.url;
    assert.equal((await graph('GET', shortUrl)).status, 200);
    await sleep(2100);
    assert.equal((await graph('GET', shortUrl)).status, 404, 'expired link');
    assert.equal((await graph('GET', (await graph('GET', `/v21.0/${id}`)).json.url)).status, 200, 'a fresh link works');
    // send by id inside the window
    await ctl('POST', 'whatsapp/inbound', { from: USER, text: 'hi' });
    r = await graph('POST', `/v21.0/${PNID}/messages`, { messaging_product: 'whatsapp', to: USER, type: 'image', image: { id, caption: 'x' } });
    assert.equal(r.status, 200);
    // bad uploads
    const noProduct = new FormData();
    noProduct.append('file', new Blob([bytes]), 'a.bin');
    assert.equal((await graph('POST', `/v21.0/${PNID}/media`, noProduct)).json.error.code, 100);
    // delete
    assert.deepEqual((await graph('DELETE', `/v21.0/${id}`)).json, { success: true });
    assert.equal((await graph('GET', `/v21.0/${id}`)).status, 400);
    assert.equal((await graph('GET', url)).status, 404);
  });

  test('template list: Graph cursor paging, filters, fields', async () => {
    const names = Array.from({ length: 7 }, (_, i) => `t${i}`);
    await ctl('POST', 'templates', names.map((n, i) => ({ name: n, language: 'en', status: i === 3 ? 'REJECTED' : 'APPROVED', category: 'UTILITY', components: [{ type: 'BODY', text: `body ${n}` }] })));
    let url = `/v21.0/${WABA}/message_templates?limit=3`;
    const pages = [];
    let last;
    while (url) {
      const r = await graph('GET', url);
      assert.equal(r.status, 200);
      pages.push(r.json.data.map((t) => t.name));
      for (const t of r.json.data) assert.deepEqual(Object.keys(t).sort(), ['category', 'components', 'id', 'language', 'name', 'parameter_format', 'status']);
      assert.ok(r.json.paging.cursors.before && r.json.paging.cursors.after);
      last = r.json;
      url = r.json.paging.next;
    }
    assert.deepEqual(pages, [['t0', 't1', 't2'], ['t3', 't4', 't5'], ['t6']]);
    assert.ok(last.paging.previous);
    const prev = await graph('GET', last.paging.previous);
    assert.deepEqual(prev.json.data.map((t) => t.name), ['t3', 't4', 't5']);
    let r = await graph('GET', `/v21.0/${WABA}/message_templates?status=APPROVED&fields=name,status&limit=100`);
    assert.equal(r.json.data.length, 6);
    assert.deepEqual(Object.keys(r.json.data[0]), ['name', 'status', 'id']);
    assert.equal(r.json.paging.next, undefined);
    r = await graph('GET', `/v21.0/${WABA}/message_templates?after=garbage`);
    assert.equal(r.status, 400);
    await ctl('POST', 'reset');
    assert.deepEqual((await graph('GET', `/v21.0/${WABA}/message_templates`)).json, { data: [] });
  });

  test('template status change emits message_template_status_update', async () => {
    const [t] = await ctl('POST', 'templates', [{ name: 'renewal', language: 'en', status: 'PENDING', category: 'UTILITY' }]);
    await ctl('POST', 'templates/status', { name: 'renewal', language: 'en', status: 'APPROVED' });
    await ctl('POST', 'templates/status', { name: 'renewal', language: 'en', status: 'PAUSED', reason: 'LOW_QUALITY' });
    const ds = await ctl('POST', 'webhooks/wait', { count: 2 });
    const values = ds.map((d) => d.payload.entry[0].changes[0]);
    assert.ok(values.every((c) => c.field === 'message_template_status_update'));
    assert.deepEqual(values.map((c) => c.value.event), ['APPROVED', 'PAUSED']);
    assert.deepEqual(values[0].value, { event: 'APPROVED', message_template_id: Number(t.id), message_template_name: 'renewal', message_template_language: 'en', reason: 'NONE', message_template_category: 'UTILITY' });
    assert.equal(values[1].value.reason, 'LOW_QUALITY');
    assert.equal((await ctl('GET', 'templates'))[0].status, 'PAUSED');
    assert.ok(rx.got.every((g) => g.valid));
  });

  test('inbound messages of every type: webhook shapes; inbound media downloadable', async () => {
    const items = [
      { from: USER, name: 'Ann', type: 'text', text: 'hello' },
      { from: USER, type: 'image', media: { data_base64: Buffer.from('IMG').toString('base64'), mime_type: 'image/jpeg', caption: 'cap' } },
      { from: USER, type: 'audio', media: { text: 'OGG' } },
      { from: USER, type: 'video', media: { text: 'MP4' } },
      { from: USER, type: 'document', media: { text: 'PDF', filename: 'cv.pdf', mime_type: 'application/pdf' } },
      { from: USER, type: 'sticker', media: { text: 'WEBP' } },
      { from: USER, type: 'location', location: { latitude: 6.3, longitude: -10.8, name: 'JFK', address: 'Monrovia' } },
      { from: USER, type: 'contacts', contacts: [{ name: { formatted_name: 'Bob B', first_name: 'Bob' }, phones: [{ phone: '+231 77 000 0001', wa_id: '231770000001', type: 'CELL' }] }] },
      { from: USER, type: 'interactive', interactive: { type: 'button_reply', button_reply: { id: 'yes', title: 'Yes' } } },
      { from: USER, type: 'interactive', interactive: { type: 'list_reply', list_reply: { id: 'r1', title: 'Row', description: 'd' } } },
      { from: USER, type: 'button', button: { payload: 'CONFIRM', text: 'Confirm' }, context: { from: '15550783881', id: 'wamid.prev' } },
      { from: USER, type: 'reaction', reaction: { message_id: 'wamid.prev', emoji: '👍' } },
      { from: USER, type: 'unsupported' },
    ];
    await assert.rejects(ctl('POST', 'whatsapp/inbound', { from: USER, text: 'x', timestamp: 'yesterday-ish' }), /bad timestamp/);
    // non-ASCII is \u-escaped (lowercase hex) in the body as sent, and signed as sent
    await ctl('POST', 'whatsapp/inbound', { from: USER, text: 'Ça va ✓ 👍' });
    const [sentRaw] = await ctl('GET', 'webhooks?raw=1');
    assert.ok(sentRaw.raw.includes('"body":"\\u00c7a va \\u2713 \\ud83d\\udc4d"'), sentRaw.raw);
    assert.equal(sentRaw.signature, `sha256=${createHmac('sha256', SECRET).update(sentRaw.raw).digest('hex')}`);
    await ctl('POST', 'webhooks/wait', { count: 1 });
    assert.equal(rx.got[0].body.entry[0].changes[0].value.messages[0].text.body, 'Ça va ✓ 👍');
    assert.ok(rx.got[0].valid);
    await ctl('POST', 'reset');
    await ctl('POST', 'config', { whatsapp_target: rx.url('/wa') });
    rx.got.length = 0;
    const out = await ctl('POST', 'whatsapp/inbound', items);
    assert.equal(out.length, items.length);
    const ds = await ctl('POST', 'webhooks/wait', { count: items.length });
    const msgs = ds.map((d) => d.payload.entry[0].changes[0].value.messages[0]);
    assert.deepEqual(msgs.map((m) => m.type), items.map((i) => i.type));
    const v0 = ds[0].payload.entry[0].changes[0].value;
    assert.deepEqual(v0.contacts, [{ profile: { name: 'Ann' }, wa_id: USER }]);
    assert.deepEqual(msgs[0].text, { body: 'hello' });
    assert.match(msgs[0].timestamp, /^\d{10}$/);
    assert.equal(msgs[1].image.caption, 'cap');
    assert.equal(msgs[2].audio.voice, true);
    assert.equal(msgs[4].document.filename, 'cv.pdf');
    assert.equal(msgs[5].sticker.animated, false);
    assert.equal(msgs[10].context.id, 'wamid.prev');
    assert.equal(msgs[12].errors[0].code, 131051);
    // inbound media by id, sha256 (base64) matches
    const info = await graph('GET', `/v21.0/${msgs[1].image.id}`);
    const dl = await graph('GET', info.json.url);
    assert.equal(dl.buf.toString(), 'IMG');
    assert.equal(msgs[1].image.sha256, createHash('sha256').update('IMG').digest('base64'));
    // mark as read
    assert.deepEqual((await graph('POST', `/v21.0/${PNID}/messages`, { messaging_product: 'whatsapp', status: 'read', message_id: msgs[0].id })).json, { success: true });
  });

  test('webhook sender: retries with backoff on non-2xx, gives up after max attempts', async () => {
    await ctl('POST', 'config', { retry_base_ms: 50 });
    rx.answers.push(500, 503);
    await ctl('POST', 'whatsapp/inbound', { from: USER, text: 'retry me' });
    let [d] = await ctl('POST', 'webhooks/wait', { count: 1 });
    assert.equal(d.state, 'delivered');
    assert.deepEqual(d.attempts.map((a) => a.status), [500, 503, 200]);
    const gaps = [1, 2].map((i) => Date.parse(d.attempts[i].at) - Date.parse(d.attempts[i - 1].at));
    assert.ok(gaps[0] >= 45 && gaps[1] >= 95, `exponential backoff 50, 100 ms: ${gaps}`);
    assert.equal(rx.got.length, 3);
    assert.deepEqual(rx.got[0].body, rx.got[2].body, 'the same payload each time');
    await ctl('POST', 'reset');
    await ctl('POST', 'config', { whatsapp_target: rx.url('/wa'), max_attempts: 3 });
    rx.answers.push(500, 500, 500, 500);
    await ctl('POST', 'whatsapp/inbound', { from: USER, text: 'lost' });
    [d] = await ctl('POST', 'webhooks/wait', { count: 1 });
    assert.equal(d.state, 'failed');
    assert.deepEqual(d.attempts.map((a) => a.status), [500, 500, 500]);
    // unreachable target
    await ctl('POST', 'config', { whatsapp_target: 'http://127.0.0.1:1/none' });
    await ctl('POST', 'whatsapp/inbound', { from: USER, text: 'nobody' });
    const all = await ctl('POST', 'webhooks/wait', { count: 2 });
    assert.equal(all[1].state, 'failed');
    assert.equal(all[1].attempts[0].status, 0);
  });

  test('duplicates, out-of-order statuses, no delivered when read at once, manual status', async () => {
    await ctl('POST', 'whatsapp/inbound', { from: USER, text: 'hi' });
    await ctl('POST', 'webhooks/wait', { count: 1 });
    await ctl('POST', 'faults', { out_of_order: true, duplicate_next: 1 });
    let r = await graph('POST', `/v21.0/${PNID}/messages`, text(USER, 'a'));
    let ds = (await ctl('POST', 'webhooks/wait', { count: 5 })).slice(1);
    assert.deepEqual(statusesOf(ds).map((s) => s.status), ['sent', 'sent', 'read', 'delivered']);
    assert.equal(ds[0].raw, undefined);
    assert.equal(ds[1].duplicate, true);
    assert.deepEqual(ds[0].payload, ds[1].payload);
    await ctl('POST', 'faults', { out_of_order: false, skip_delivered: true });
    r = await graph('POST', `/v21.0/${PNID}/messages`, text(USER, 'b'));
    ds = (await ctl('POST', 'webhooks/wait', { count: 7 })).slice(5);
    assert.deepEqual(statusesOf(ds).map((s) => s.status), ['sent', 'read']);
    await ctl('POST', 'faults', { auto_status: false });
    r = await graph('POST', `/v21.0/${PNID}/messages`, text(USER, 'c'));
    await sleep(100);
    assert.equal((await ctl('GET', 'webhooks')).length, 7);
    await ctl('POST', 'statuses', { id: r.json.messages[0].id, status: 'delivered' });
    ds = await ctl('POST', 'webhooks/wait', { count: 8 });
    assert.equal(statusesOf(ds.slice(7))[0].status, 'delivered');
    const raw = await ctl('GET', 'webhooks?raw=1');
    const sig = createHmac('sha256', SECRET).update(raw[7].raw).digest('hex');
    assert.equal(raw[7].signature, `sha256=${sig}`);
  });

  test('GET verification handshake helper', async () => {
    let r = await ctl('POST', 'verify', { channel: 'whatsapp', challenge: '1158201444' });
    assert.deepEqual([r.status, r.body, r.verified], [200, '1158201444', true]);
    assert.match(r.url, /hub\.mode=subscribe/);
    r = await ctl('POST', 'verify', { channel: 'messenger', verify_token: 'wrong' });
    assert.deepEqual([r.status, r.verified], [403, false]);
  });

  test('Messenger: 24 h window (10/2018278), HUMAN_AGENT up to 7 days, attachments, delivery/read webhooks', async () => {
    const send = (body, token = PAGE_TOKEN) => graph('POST', `/v21.0/${PAGE}/messages`, body, { token });
    const msg = (extra) => ({ recipient: { id: '7001' }, messaging_type: 'RESPONSE', message: { text: 'hello' }, ...extra });
    let r = await send(msg());
    assert.deepEqual([r.status, r.json.error.code, r.json.error.error_subcode], [400, 100, 2018001]);
    assert.equal((await send(msg(), TOKEN)).status, 401);
    await ctl('POST', 'messenger/inbound', { psid: '7001', text: 'hi', attachments: [{ type: 'image', data_base64: Buffer.from('PNG').toString('base64'), mime_type: 'image/png' }] });
    let [d] = await ctl('POST', 'webhooks/wait', { count: 1, channel: 'messenger' });
    assert.equal(d.payload.object, 'page');
    const ev = d.payload.entry[0].messaging[0];
    assert.deepEqual([ev.sender.id, ev.recipient.id, ev.message.text], ['7001', PAGE, 'hi']);
    assert.match(ev.message.mid, /^m_/);
    assert.equal(ev.message.attachments[0].type, 'image');
    assert.equal(Buffer.from(await (await fetch(ev.message.attachments[0].payload.url)).arrayBuffer()).toString(), 'PNG');
    r = await graph('POST', `/v21.0/me/messages`, msg(), { token: PAGE_TOKEN });
    assert.equal(r.status, 200);
    assert.deepEqual(Object.keys(r.json), ['recipient_id', 'message_id']);
    const ds = await ctl('POST', 'webhooks/wait', { count: 3, channel: 'messenger' });
    const kinds = ds.slice(1).map((x) => Object.keys(x.payload.entry[0].messaging[0]).find((k) => ['delivery', 'read'].includes(k)));
    assert.deepEqual(kinds, ['delivery', 'read']);
    assert.deepEqual(ds[1].payload.entry[0].messaging[0].delivery.mids, [r.json.message_id]);
    assert.ok(rx.got.filter((g) => g.path === '/fb').every((g) => g.valid));
    // two days later: RESPONSE and UPDATE refused, HUMAN_AGENT allowed
    await ctl('POST', 'messenger/users', { psid: '7001', last_inbound: Math.floor(Date.now() / 1000) - 2 * 86400 });
    r = await send(msg());
    assert.deepEqual([r.status, r.json.error.code, r.json.error.error_subcode], [400, 10, 2018278]);
    assert.equal((await send(msg({ messaging_type: 'UPDATE' }))).json.error.code, 10);
    assert.equal((await send(msg({ messaging_type: 'MESSAGE_TAG', tag: 'HUMAN_AGENT' }))).status, 200);
    assert.equal((await send(msg({ messaging_type: 'MESSAGE_TAG', tag: 'BOGUS' }))).json.error.code, 100);
    await ctl('POST', 'messenger/users', { psid: '7001', last_inbound: Math.floor(Date.now() / 1000) - 8 * 86400 });
    assert.equal((await send(msg({ messaging_type: 'MESSAGE_TAG', tag: 'HUMAN_AGENT' }))).json.error.error_subcode, 2018278);
    // attachment upload then send by attachment_id
    await ctl('POST', 'messenger/inbound', { psid: '7001', text: 'back' });
    const form = new FormData();
    form.append('message', JSON.stringify({ attachment: { type: 'file', payload: { is_reusable: true } } }));
    form.append('filedata', new Blob([Buffer.from('%PDF-1.4')], { type: 'application/pdf' }), 'c.pdf');
    r = await graph('POST', `/v21.0/${PAGE}/message_attachments`, form, { token: PAGE_TOKEN });
    assert.equal(r.status, 200);
    const attId = r.json.attachment_id;
    assert.equal((await fetch(`${srv.base}/_control/media/${attId}/bytes`).then((x) => x.text())), '%PDF-1.4');
    r = await send(msg({ message: { attachment: { type: 'file', payload: { attachment_id: attId } } } }));
    assert.equal(r.status, 200);
    r = await send(msg({ message: { attachment: { type: 'file', payload: { attachment_id: '42' } } } }));
    assert.equal(r.json.error.code, 100);
    await ctl('POST', 'faults', { send_errors: [{ code: 613, channel: 'messenger' }] });
    assert.equal((await send(msg())).json.error.code, 613);
    const sent = await ctl('GET', 'sent');
    assert.deepEqual(sent.map((s) => [s.channel, s.messaging_type, s.tag]), [['messenger', 'RESPONSE', null], ['messenger', 'MESSAGE_TAG', 'HUMAN_AGENT'], ['messenger', 'RESPONSE', null]]);
  });
});
