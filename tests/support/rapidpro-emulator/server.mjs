#!/usr/bin/env node
// RapidPro API v2 emulator for mHero Console tests. Node 20, built-ins only.
// See README.md (usage, control API, faults) and docs/rapidpro-api.md (the facts it emulates).
import http from 'node:http';
import {
  nowMicros, formatMicros, parseIsoMicros, uuid4, uuid7, UUID_RE,
  normalizeUrn, UrnError, makePrng, parseMultipart,
} from './lib/util.mjs';

// ------------------------------------------------------------------------------------------------
// Options
function parseArgs(argv) {
  const o = {
    port: 0, host: '127.0.0.1', token: 'test-token', pageSize: 250, legacy: false, advanceMs: 50,
    countryCode: '231', maxTextLen: 640, seed: 12345, stdinExit: true, maxUploadMb: 25,
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const next = () => {
      if (i + 1 >= argv.length) fatal(`missing value for ${a}`);
      return argv[++i];
    };
    switch (a) {
      case '--port': o.port = Number(next()); break;
      case '--host': o.host = next(); break;
      case '--token': o.token = next(); break;
      case '--page-size': o.pageSize = Math.max(1, Number(next())); break;
      case '--legacy': o.legacy = true; break;
      case '--advance-ms': o.advanceMs = Math.max(0, Number(next())); break;
      case '--country-code': o.countryCode = next().replace(/^\+/, ''); break;
      case '--max-text-len': o.maxTextLen = Number(next()); break;
      case '--seed': o.seed = Number(next()); break;
      case '--no-stdin-exit': o.stdinExit = false; break;
      case '--help': case '-h':
        process.stderr.write('usage: node server.mjs --port 0 [--token T] [--page-size 250] [--legacy] ' +
          '[--advance-ms 50] [--country-code 231] [--max-text-len 640] [--seed N] [--no-stdin-exit]\n');
        process.exit(0);
        break;
      default: fatal(`unknown option ${a}`);
    }
  }
  if (!Number.isInteger(o.port) || o.port < 0) fatal('bad --port');
  return o;
}
function fatal(msg) {
  process.stderr.write(`rapidpro-emulator: ${msg}\n`);
  process.exit(2);
}
const opts = parseArgs(process.argv.slice(2));

const ORG_UUID = 'b8a5f3d2-5c1e-4a39-9c57-3f1a2d9e0001';
const CHANNEL = {
  uuid: '9a8b001e-a913-486c-80f4-1356e23f582e', name: 'Emulator Channel', address: '+231770000000',
  type: 'EX', country: 'LR',
};
const BASE_LANGUAGE = 'eng';

// ------------------------------------------------------------------------------------------------
// Faults / runtime config
const defaultFaults = () => ({
  send_fail_rate: 0, accept_then_drop_rate: 0, timeout_rate: 0, drop_rate: 0, get_fail_rate: 0,
  throttle: null, delay_ms: 0, auto_progress: true, advance_ms: opts.advanceMs, seed: opts.seed,
  loop_next: [], hang_get: [],
});
let faults = defaultFaults();
let rng = makePrng(faults.seed);
const roll = (rate) => rate > 0 && (rate >= 1 || rng() < rate);

// ------------------------------------------------------------------------------------------------
// State
let gen = 0; // bumped on reset so that stale timers do nothing
const counters = { msg: 1, contact: 1, bcast: 1 }; // monotonic across resets
let S;
function freshState() {
  return {
    contacts: [], contactByUuid: new Map(), contactByUrn: new Map(),
    msgs: [], msgByUuid: new Map(), msgById: new Map(),
    bcasts: [], bcastById: new Map(), bcastByUuid: new Map(),
    media: new Map(), sent: [], requests: [], throttleHits: new Map(),
  };
}
S = freshState();
const held = new Set(); // sockets held open by the timeout fault
const channelCreated = nowMicros();

// ------------------------------------------------------------------------------------------------
// Errors & responses
class ApiError extends Error {
  constructor(status, body, headers = {}) { super(typeof body === 'string' ? body : JSON.stringify(body)); this.status = status; this.body = body; this.headers = headers; }
}
const detail = (status, text) => new ApiError(status, { detail: text });
const fieldErr = (errors) => new ApiError(400, errors);

function sendJson(res, status, obj, headers = {}) {
  const body = Buffer.from(JSON.stringify(obj));
  res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': body.length, ...headers });
  res.end(body);
}
function sendText(res, status, text, type = 'text/html; charset=utf-8') {
  const body = Buffer.from(text);
  res.writeHead(status, { 'Content-Type': type, 'Content-Length': body.length });
  res.end(body);
}
const SERVER_ERROR_TEXT = 'Server Error. Site administrators have been notified.';

// ------------------------------------------------------------------------------------------------
// Contacts
function contactJson(c) {
  return {
    uuid: c.uuid, name: c.name, status: c.status, language: c.language, urns: [...c.urns], groups: [],
    notes: [], fields: {}, flow: null, created_on: formatMicros(c.created_on),
    modified_on: formatMicros(c.modified_on), last_seen_on: formatMicros(c.last_seen_on),
    blocked: c.status === 'blocked', stopped: c.status === 'stopped',
  };
}
function getOrCreateContact(urn, name = null) {
  let c = S.contactByUrn.get(urn);
  if (c) return { contact: c, created: false };
  const ts = nowMicros();
  c = {
    id: counters.contact++, uuid: uuid4(), name: name ?? null, status: 'active', language: null, urns: [urn],
    created_on: ts, modified_on: ts, last_seen_on: null,
  };
  S.contacts.push(c);
  S.contactByUuid.set(c.uuid, c);
  S.contactByUrn.set(urn, c);
  return { contact: c, created: true };
}
const CONTACT_STATUSES = ['active', 'blocked', 'stopped', 'archived'];

function lookupContact(ref) {
  if (typeof ref !== 'string' && !(typeof ref === 'number' && Number.isInteger(ref))) return undefined;
  const s = String(ref);
  const byUuid = S.contactByUuid.get(s.toLowerCase());
  if (byUuid) return byUuid;
  try { return S.contactByUrn.get(normalizeUrn(s, { countryCode: opts.countryCode })); } catch { return undefined; }
}

// ------------------------------------------------------------------------------------------------
// Messages
function attachmentsOut(m) { return m.attachments.map((a) => ({ content_type: a.content_type, url: a.url })); }
function msgJson(m) {
  const c = S.contactByUuid.get(m.contactUuid);
  const contact = c ? { uuid: c.uuid, name: c.name } : { uuid: m.contactUuid, name: null };
  const media = m.attachments.length ? `${m.attachments[0].content_type}:${m.attachments[0].url}` : null;
  const common = {
    contact, urn: m.urn, channel: m.channel ? { uuid: m.channel.uuid, name: m.channel.name } : null,
    direction: m.direction, type: m.type, status: m.status, archived: m.visibility === 'archived',
    visibility: m.visibility, text: m.text,
    labels: m.direction === 'in' ? m.labels.map((l) => ({ uuid: l.uuid, name: l.name })) : [],
    flow: m.flow,
  };
  if (opts.legacy) {
    // rapidpro ~2024 (T-MSG-24 / S-24): integer id only, no uuid, no quick_replies
    return {
      id: m.id, broadcast: m.broadcast, contact: common.contact, urn: common.urn, channel: common.channel,
      direction: common.direction, type: common.type, status: common.status, archived: common.archived,
      visibility: common.visibility, text: common.text, labels: common.labels, flow: common.flow,
      attachments: attachmentsOut(m), created_on: formatMicros(m.created_on), sent_on: formatMicros(m.sent_on),
      modified_on: formatMicros(m.modified_on), media,
    };
  }
  return {
    uuid: m.uuid, contact: common.contact, urn: common.urn, channel: common.channel, direction: common.direction,
    type: common.type, status: common.status, archived: common.archived, visibility: common.visibility,
    text: common.text, labels: common.labels, flow: common.flow, attachments: attachmentsOut(m),
    quick_replies: m.quick_replies.map((q) => (q.extra != null ? { text: q.text, extra: q.extra } : { text: q.text })),
    created_on: formatMicros(m.created_on), sent_on: formatMicros(m.sent_on),
    modified_on: formatMicros(m.modified_on), media, id: m.id, broadcast: m.broadcast,
  };
}
function storeMsg(m) {
  S.msgs.push(m);
  S.msgById.set(m.id, m);
  S.msgByUuid.set(m.uuid, m);
}

const NEXT_STATUS = { queued: 'wired', wired: 'sent', sent: 'delivered' };
function setMsgStatus(m, status, manual) {
  m.status = status;
  m.modified_on = nowMicros();
  if (['wired', 'sent', 'delivered', 'read'].includes(status) && m.sent_on == null) m.sent_on = m.modified_on;
  if (manual) m.manual = true;
}
function scheduleAdvance(m) {
  if (!faults.auto_progress || m.manual || !NEXT_STATUS[m.status] || m.direction !== 'out') return;
  const expected = m.status;
  const myGen = gen;
  const t = setTimeout(() => {
    if (myGen !== gen || m.manual || m.status !== expected || !faults.auto_progress) return;
    setMsgStatus(m, NEXT_STATUS[expected], false);
    scheduleAdvance(m);
  }, faults.advance_ms);
  t.unref?.();
}

function createOutgoing(contact, { text, attachments, quick_replies, via, broadcast = null }) {
  const urn = contact.urns[0] ?? null;
  let status = 'queued';
  let failed_reason = null;
  if (!urn) { status = 'failed'; failed_reason = 'D'; } // no destination
  else if (contact.status !== 'active') { status = 'failed'; failed_reason = 'C'; } // goflow: unsendable, still created
  const ts = nowMicros();
  const m = {
    id: counters.msg++, uuid: uuid7(), contactUuid: contact.uuid, urn, channel: urn ? CHANNEL : null,
    direction: 'out', type: 'text', status, visibility: 'visible', text: text ?? '', attachments: attachments ?? [],
    quick_replies: quick_replies ?? [], labels: [], flow: null, created_on: ts, modified_on: ts, sent_on: null,
    broadcast, via, failed_reason, manual: false,
  };
  storeMsg(m);
  S.sent.push(m);
  scheduleAdvance(m);
  return m;
}

// ------------------------------------------------------------------------------------------------
// Pagination: opaque keyset cursor (base64url JSON {o: ordering, p: [ts, id]})
function paginate(ctx, items, { field, ascending = false }) {
  const key = (it) => it[field] ?? 0;
  const sorted = items.slice().sort((a, b) => {
    const d = key(a) - key(b) || a.id - b.id;
    return ascending ? d : -d;
  });
  const tag = `${field}:${ascending ? 'asc' : 'desc'}`;
  let start = 0;
  const cursor = ctx.query.get('cursor');
  if (cursor) {
    let pos;
    try {
      const c = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
      if (c.o !== tag || !Array.isArray(c.p) || c.p.length !== 2 || !c.p.every(Number.isFinite)) throw new Error();
      pos = c.p;
    } catch {
      throw detail(404, 'Invalid cursor');
    }
    const [pts, pid] = pos;
    const after = (it) => {
      const k = key(it);
      return ascending ? (k > pts || (k === pts && it.id > pid)) : (k < pts || (k === pts && it.id < pid));
    };
    // binary search for first element strictly past the cursor position
    let lo = 0, hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (after(sorted[mid])) hi = mid; else lo = mid + 1;
    }
    start = lo;
  }
  const page = sorted.slice(start, start + opts.pageSize);
  let next = null;
  if (start + opts.pageSize < sorted.length && page.length) {
    const last = page[page.length - 1];
    const c = Buffer.from(JSON.stringify({ o: tag, p: [key(last), last.id] })).toString('base64url');
    const q = new URLSearchParams(ctx.query);
    q.delete('cursor');
    q.set('cursor', c);
    next = `http://${ctx.host}${ctx.pathname}?${q.toString()}`;
  }
  return { page, next };
}

function beforeAfter(ctx, items, field) {
  let out = items;
  for (const [param, cmp] of [['before', (a, b) => a <= b], ['after', (a, b) => a >= b]]) {
    const v = ctx.query.get(param);
    if (!v) continue;
    const us = parseIsoMicros(v);
    if (us === null) return []; // RapidPro: unparseable date => filter(pk=-1), empty result
    out = out.filter((it) => it[field] != null && cmp(it[field], us));
  }
  return out;
}
function intParam(ctx, name) {
  const v = ctx.query.get(name);
  if (v === null) return null;
  if (!/^\s*[-+]?\d+\s*$/.test(v)) throw detail(400, `Value for ${name} must be an integer`);
  return parseInt(v, 10);
}
function uuidParam(ctx, name) {
  const v = ctx.query.get(name);
  if (v === null) return null;
  if (!UUID_RE.test(v.trim())) throw detail(400, `Value for ${name} must be a valid UUID`);
  const h = v.trim().toLowerCase().replace(/-/g, '');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

// ------------------------------------------------------------------------------------------------
// Endpoint handlers. Each returns [status, body].
const FOLDERS = {
  inbox: (m) => m.direction === 'in' && m.visibility === 'visible' && m.status === 'handled' && !m.flow,
  flows: (m) => m.direction === 'in' && m.visibility === 'visible' && m.status === 'handled' && !!m.flow,
  archived: (m) => m.direction === 'in' && m.visibility === 'archived',
  outbox: (m) => m.direction === 'out' && m.visibility === 'visible' && ['queued', 'errored'].includes(m.status),
  sent: (m) => m.direction === 'out' && m.visibility === 'visible' && ['wired', 'sent', 'delivered', 'read'].includes(m.status),
  failed: (m) => m.direction === 'out' && m.visibility === 'visible' && m.status === 'failed',
};

function getMessages(ctx) {
  const q = ctx.query;
  const exclusive = ['contact', 'folder', 'label', 'broadcast'];
  if (exclusive.filter((p) => q.get(p)).length > 1) {
    throw detail(400, `You may only specify one of the ${exclusive.join(', ')} parameters`);
  }
  const folder = (q.get('folder') || '').toLowerCase();
  let items;
  let orderField = 'created_on';
  let filterField = 'created_on';
  if (folder) {
    if (FOLDERS[folder]) items = S.msgs.filter(FOLDERS[folder]);
    else if (folder === 'incoming' && opts.legacy) {
      items = S.msgs.filter((m) => m.direction === 'in');
      orderField = filterField = 'modified_on';
    } else items = [];
    if (folder === 'sent') orderField = 'sent_on';
  } else {
    items = S.msgs.filter((m) => m.visibility === 'visible' || m.visibility === 'archived');
  }
  if (!opts.legacy) {
    const u = uuidParam(ctx, 'uuid');
    if (u) items = items.filter((m) => m.uuid === u);
  }
  const id = intParam(ctx, 'id');
  if (id) items = items.filter((m) => m.id === id);
  const bc = q.get('broadcast');
  if (bc) items = items.filter((m) => m.broadcast !== null && String(m.broadcast) === bc.trim());
  const contactRef = q.get('contact');
  if (contactRef) {
    const c = S.contactByUuid.get(contactRef.trim().toLowerCase());
    items = c ? items.filter((m) => m.contactUuid === c.uuid) : [];
  }
  if (q.get('label')) items = []; // the emulator has no labels
  items = beforeAfter(ctx, items, filterField);
  const { page, next } = paginate(ctx, items, { field: orderField });
  return [200, { next, previous: null, results: page.map(msgJson) }];
}

function getBroadcasts(ctx) {
  let items = S.bcasts;
  if (!opts.legacy) {
    const u = uuidParam(ctx, 'uuid');
    if (u) items = items.filter((b) => b.uuid === u);
  }
  const id = intParam(ctx, 'id');
  if (id) items = items.filter((b) => b.id === id);
  items = beforeAfter(ctx, items, 'created_on');
  const { page, next } = paginate(ctx, items, { field: 'created_on' });
  return [200, { next, previous: null, results: page.map((b) => bcastJson(b)) }];
}

function getContacts(ctx) {
  const q = ctx.query;
  let items = S.contacts;
  if (/^(true|1|yes)$/i.test(q.get('deleted') || '')) items = [];
  const u = uuidParam(ctx, 'uuid');
  if (u) items = items.filter((c) => c.uuid === u);
  const urn = q.get('urn');
  if (urn) {
    let n;
    try { n = normalizeUrn(urn, { countryCode: opts.countryCode }); } catch { throw detail(400, `Invalid URN: ${urn}`); }
    items = items.filter((c) => c.urns.includes(n));
  }
  if (q.get('group')) items = []; // the emulator has no groups
  items = beforeAfter(ctx, items, 'modified_on');
  const ascending = /^(true|1|yes)$/i.test(q.get('reverse') || '');
  const { page, next } = paginate(ctx, items, { field: 'modified_on', ascending });
  return [200, { next, previous: null, results: page.map(contactJson) }];
}

function getChannels() {
  return [200, {
    next: null, previous: null,
    results: [{
      uuid: CHANNEL.uuid, name: CHANNEL.name, address: CHANNEL.address, type: CHANNEL.type,
      country: CHANNEL.country, device: null, last_seen: formatMicros(nowMicros()), created_on: formatMicros(channelCreated),
    }],
  }];
}

// --- write helpers mimicking DRF field validation messages
function requireObject(body) {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw fieldErr({ non_field_errors: ['Request body should be a single JSON object'] });
  }
}
function charField(value, { maxLen, allowBlank = false }) {
  if (value === null) return { error: 'This field may not be null.' };
  if (typeof value === 'boolean' || typeof value === 'object') return { error: 'Not a valid string.' };
  const s = String(value).trim();
  if (!s && !allowBlank) return { error: 'This field may not be blank.' };
  if (maxLen && s.length > maxLen) return { error: `Ensure this field has no more than ${maxLen} characters.` };
  return { value: s };
}
function resolveAttachment(ref) {
  if (typeof ref !== 'string') return null;
  const s = ref.trim();
  const byUuid = S.media.get(s.toLowerCase());
  if (byUuid) return { content_type: byUuid.content_type, url: byUuid.url };
  // "<content-type>:<url>" pointing at an uploaded media object (the url must contain its uuid)
  const m = /^([a-z]+\/[^:\s]+):(https?:\/\/\S+)$/i.exec(s);
  if (m) {
    for (const [u, media] of S.media) if (m[2].includes(u)) return { content_type: media.content_type, url: media.url };
  }
  return null;
}
function attachmentsField(value) {
  if (!Array.isArray(value)) return { error: `Expected a list of items but got type "${jsType(value)}".` };
  if (value.length > 10) return { error: 'Ensure this field has no more than 10 elements.' };
  const out = [];
  for (const v of value) {
    const a = resolveAttachment(v);
    if (!a) return { error: `No such object: ${typeof v === 'string' ? v : JSON.stringify(v)}` };
    out.push(a);
  }
  return { value: out };
}
function quickRepliesField(value) {
  if (!Array.isArray(value)) return { error: `Expected a list of items but got type "${jsType(value)}".` };
  if (value.length > 10) return { error: 'Ensure this field has no more than 10 elements.' };
  const out = [];
  for (const v of value) {
    const qr = typeof v === 'string' ? { text: v } : v;
    if (!qr || typeof qr !== 'object' || typeof qr.text !== 'string' || !qr.text.trim()) {
      return { error: 'Invalid quick reply.' };
    }
    out.push({ text: qr.text.trim(), extra: typeof qr.extra === 'string' ? qr.extra : null });
  }
  return { value: out };
}
function jsType(v) {
  if (v === null) return 'NoneType';
  if (Array.isArray(v)) return 'list';
  return { string: 'str', number: Number.isInteger(v) ? 'int' : 'float', boolean: 'bool', object: 'dict' }[typeof v] || typeof v;
}

function postMessage(ctx, body) {
  requireObject(body);
  const errors = {};
  let contact;
  if (!('contact' in body)) errors.contact = ['This field is required.'];
  else if (body.contact === null) errors.contact = ['This field may not be null.'];
  else if (typeof body.contact !== 'string' && !Number.isInteger(body.contact)) errors.contact = ['Must be a string or integer'];
  else {
    contact = lookupContact(body.contact);
    if (!contact) errors.contact = [`No such object: ${body.contact}`];
  }
  let text = null;
  if ('text' in body) {
    const r = charField(body.text, { maxLen: opts.maxTextLen });
    if (r.error) errors.text = [r.error]; else text = r.value;
  }
  let attachments = [];
  if ('attachments' in body) {
    const r = attachmentsField(body.attachments);
    if (r.error) errors.attachments = [r.error]; else attachments = r.value;
  }
  let quick_replies = [];
  if ('quick_replies' in body && !opts.legacy) {
    const r = quickRepliesField(body.quick_replies);
    if (r.error) errors.quick_replies = [r.error]; else quick_replies = r.value;
  }
  if (Object.keys(errors).length) throw fieldErr(errors);
  if (!text && !attachments.length) throw fieldErr({ non_field_errors: ['Must provide either text or attachments.'] });
  const m = createOutgoing(contact, { text, attachments, quick_replies, via: 'messages' });
  return [201, msgJson(m), m];
}

function translatedField(value, name, inner) {
  // string/list => {eng: value}; dict => per language
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const out = {};
    const keys = Object.keys(value);
    if (!keys.length) return { error: 'Must include at least one translation.' };
    for (const lang of keys) {
      if (!/^[a-z]{3}$/.test(lang) && lang !== 'base') return { error: `Language code ${lang} is not valid.` };
      const r = inner(value[lang]);
      if (r.error) return r;
      out[lang] = r.value;
    }
    return { value: out };
  }
  if (name === 'text' && typeof value !== 'string') return { error: 'Value must be a string or dict of strings.' };
  const r = inner(value);
  return r.error ? r : { value: { [BASE_LANGUAGE]: r.value } };
}

function postBroadcast(ctx, body) {
  requireObject(body);
  const errors = {};
  const recipients = [];
  const urns = [];
  if ('urns' in body) {
    if (!Array.isArray(body.urns)) errors.urns = [`Expected a list of items but got type "${jsType(body.urns)}".`];
    else if (body.urns.length > 100) errors.urns = ['Ensure this field has no more than 100 elements.'];
    else {
      const itemErrors = {};
      body.urns.forEach((u, i) => {
        try { urns.push(normalizeUrn(u, { countryCode: opts.countryCode })); } catch {
          itemErrors[i] = [`Invalid URN: ${u}. Ensure phone numbers contain country codes.`];
        }
      });
      if (Object.keys(itemErrors).length) errors.urns = itemErrors;
    }
  }
  const contacts = [];
  if ('contacts' in body) {
    if (!Array.isArray(body.contacts)) errors.contacts = [`Expected a list of items but got type "${jsType(body.contacts)}".`];
    else if (body.contacts.length > 100) errors.contacts = ['This field can only contain up to 100 items.'];
    else {
      for (const ref of body.contacts) {
        if (typeof ref !== 'string' && !Number.isInteger(ref)) { errors.contacts = ['Must be a string or integer']; break; }
        const c = lookupContact(ref);
        if (!c) { errors.contacts = [`No such object: ${ref}`]; break; }
        contacts.push(c);
      }
    }
  }
  if ('groups' in body) {
    if (!Array.isArray(body.groups)) errors.groups = [`Expected a list of items but got type "${jsType(body.groups)}".`];
    else if (body.groups.length) errors.groups = [`No such object: ${body.groups[0]}`]; // no groups in the emulator
  }
  let text = null;
  if ('text' in body && body.text !== null) {
    const r = translatedField(body.text, 'text', (v) => charField(v, { maxLen: opts.maxTextLen }));
    if (r.error) errors.text = [r.error]; else text = r.value;
  }
  let attachments = null;
  if ('attachments' in body && body.attachments !== null) {
    const r = translatedField(body.attachments, 'attachments', attachmentsField);
    if (r.error) errors.attachments = [r.error]; else attachments = r.value;
  }
  let quick_replies = null;
  if ('quick_replies' in body && body.quick_replies !== null && !opts.legacy) {
    const r = translatedField(body.quick_replies, 'quick_replies', quickRepliesField);
    if (r.error) errors.quick_replies = [r.error]; else quick_replies = r.value;
  }
  let base_language = null;
  if ('base_language' in body && body.base_language !== null) {
    if (typeof body.base_language !== 'string' || !/^[a-z]{3}$/.test(body.base_language)) {
      errors.base_language = ['Not a valid language code.'];
    } else base_language = body.base_language;
  }
  if (Object.keys(errors).length) throw fieldErr(errors);
  if (!text && !attachments) throw fieldErr({ non_field_errors: ['Must provide either text or attachments.'] });
  if (!urns.length && !contacts.length) {
    throw fieldErr({ non_field_errors: ['Must provide either urns, contacts or groups.'] });
  }
  if (base_language) {
    if (!text || !(base_language in text)) throw fieldErr({ non_field_errors: ['No text translation provided in base language.'] });
    if (attachments && !(base_language in attachments)) throw fieldErr({ non_field_errors: ['No attachment translations provided in base language.'] });
    if (quick_replies && !(base_language in quick_replies)) throw fieldErr({ non_field_errors: ['No quick_replies translations provided in base language.'] });
  }
  // merge into translations like BroadcastWriteSerializer.save()
  const translations = {};
  for (const [lang, t] of Object.entries(text || {})) translations[lang] = { text: t };
  for (const [lang, a] of Object.entries(attachments || {})) (translations[lang] ??= {}).attachments = a;
  for (const [lang, q] of Object.entries(quick_replies || {})) (translations[lang] ??= {}).quick_replies = q;
  if (!base_language) base_language = Object.keys(translations)[0];

  const b = {
    id: counters.bcast++, uuid: uuid7(), urns, contactUuids: contacts.map((c) => c.uuid), translations,
    base_language, created_on: nowMicros(), status: 'pending', total: -1, started: 0,
  };
  const responseBody = bcastJson(b);

  // recipients: explicit contacts + contacts for URNs (created if needed), de-duplicated
  const seen = new Set();
  for (const c of contacts) if (!seen.has(c.uuid)) { seen.add(c.uuid); recipients.push(c); }
  for (const urn of urns) {
    const { contact } = getOrCreateContact(urn);
    if (!seen.has(contact.uuid)) { seen.add(contact.uuid); recipients.push(contact); }
  }
  S.bcasts.push(b);
  S.bcastById.set(b.id, b);
  S.bcastByUuid.set(b.uuid, b);
  // the real server creates these asynchronously (mailroom); the emulator creates them right away
  for (const c of recipients) {
    const tr = translations[c.language] && translations[c.language].text != null ? translations[c.language] : translations[base_language];
    createOutgoing(c, {
      text: tr.text ?? '', attachments: tr.attachments ?? [], quick_replies: tr.quick_replies ?? [],
      via: 'broadcasts', broadcast: b.id,
    });
  }
  b.status = 'completed';
  b.total = recipients.length;
  b.started = recipients.length;
  return [201, responseBody, b];
}

function bcastJson(b) {
  const contacts = b.contactUuids.map((u) => {
    const c = S.contactByUuid.get(u);
    return { uuid: u, name: c ? c.name : null };
  });
  const text = {};
  const attachments = {};
  const quick_replies = {};
  for (const [lang, t] of Object.entries(b.translations)) {
    text[lang] = t.text ?? null;
    attachments[lang] = (t.attachments || []).map((a) => `${a.content_type}:${a.url}`);
    quick_replies[lang] = (t.quick_replies || []).map((q) => (q.extra != null ? { text: q.text, extra: q.extra } : { text: q.text }));
  }
  const progress = { total: b.total, started: b.started };
  if (opts.legacy) {
    return {
      id: b.id, status: b.status, progress, urns: [...b.urns], contacts, groups: [], text, attachments,
      base_language: b.base_language, created_on: formatMicros(b.created_on),
    };
  }
  return {
    uuid: b.uuid, status: b.status, progress, urns: [...b.urns], contacts, groups: [], text, attachments,
    quick_replies, base_language: b.base_language, created_on: formatMicros(b.created_on), id: b.id,
  };
}

const ALLOWED_MEDIA = /^(image|audio|video)\/|^application\/pdf$/i;
function postMedia(ctx, raw) {
  const ct = ctx.req.headers['content-type'] || '';
  if (!/multipart\/form-data/i.test(ct)) throw detail(415, `Unsupported media type "${ct.split(';')[0]}" in request.`);
  const parts = parseMultipart(raw, ct);
  if (!parts) throw detail(400, 'Multipart form parse error - Invalid boundary in multipart: None');
  const file = parts.find((p) => p.name === 'file' && p.filename !== undefined);
  if (!file) throw fieldErr({ file: ['No file was submitted.'] });
  const contentType = (file.contentType || 'application/octet-stream').split(';')[0].trim().toLowerCase();
  if (!ALLOWED_MEDIA.test(contentType)) throw fieldErr({ file: ['Unsupported file type.'] });
  if (file.data.length > opts.maxUploadMb * 1024 * 1024) throw fieldErr({ file: [`Limit for file uploads is ${opts.maxUploadMb.toFixed(1)} MB.`] });
  const uuid = uuid4();
  const filename = file.filename || 'upload';
  const media = {
    uuid, content_type: contentType, filename, size: file.data.length, data: Buffer.from(file.data),
    url: `http://${ctx.host}/media/${uuid}/${encodeURIComponent(filename)}`,
  };
  S.media.set(uuid, media);
  return [201, { uuid, content_type: contentType, url: media.url, filename, size: media.size }];
}

// ------------------------------------------------------------------------------------------------
// Request plumbing
const MAX_BODY = 64 * 1024 * 1024;
function readBody(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    let size = 0;
    req.on('data', (c) => {
      size += c.length;
      if (size > MAX_BODY) { reject(detail(413, 'Request body too large')); req.destroy(); return; }
      chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}
function parseJsonBody(req, raw) {
  const ct = (req.headers['content-type'] || '').toLowerCase();
  if (ct.startsWith('application/x-www-form-urlencoded')) {
    // DRF FormParser: flat string values (lists repeat the key)
    const out = {};
    for (const [k, v] of new URLSearchParams(raw.toString('utf8'))) {
      if (k in out) out[k] = [].concat(out[k], v); else out[k] = v;
    }
    return out;
  }
  if (ct && !ct.includes('json')) throw detail(415, `Unsupported media type "${ct.split(';')[0]}" in request.`);
  if (!raw.length) return {};
  try { return JSON.parse(raw.toString('utf8')); } catch (e) {
    throw detail(400, `JSON parse error - ${e.message}`);
  }
}
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const logReq = (method, path, outcome) => S.requests.push(`${method} ${path} ${outcome}`);

const ROUTES = {
  messages: { GET: getMessages, POST: postMessage, write: true },
  broadcasts: { GET: getBroadcasts, POST: postBroadcast, write: true },
  contacts: { GET: getContacts },
  channels: { GET: getChannels },
  media: { POST: postMedia, raw: true },
};

async function handleApi(req, res, ctx) {
  const method = req.method;
  const path = ctx.pathname;
  const log = (o) => logReq(method, path, o);

  if (roll(faults.drop_rate)) { log('DROP'); req.socket.destroy(); return; }
  if (faults.delay_ms > 0) await sleep(faults.delay_ms);
  if (roll(faults.timeout_rate)) {
    log('TIMEOUT');
    held.add(res);
    res.on('close', () => held.delete(res));
    req.resume();
    return;
  }
  const endpointName = (/^\/api\/v2\/([a-z_]+)\.json$/.exec(path) || [])[1];
  if (method === 'GET' && endpointName && faults.hang_get.includes(endpointName)) {
    log('HANG');
    held.add(res);
    res.on('close', () => held.delete(res));
    req.resume();
    return;
  }
  const raw = await readBody(req);

  const m = /^\/api\/v2\/([a-z_]+)\.json$/.exec(path);
  let route = m ? ROUTES[m[1]] : undefined;
  if (!route && (path === '/api/v2.json' || path === '/api/v2/' || path === '/api/v2')) {
    route = { GET: (c) => [200, Object.fromEntries(['broadcasts', 'channels', 'contacts', 'media', 'messages']
      .map((n) => [n, `http://${c.host}/api/v2/${n}`]))], public: true };
  }
  if (!route) { log(404); return sendJson(res, 404, { detail: 'Not found.' }); }

  // authentication (DRF: 403 because the first authenticator is session auth)
  const auth = req.headers.authorization;
  let token = null;
  if (!route.public) {
    if (!auth) { log(403); return sendJson(res, 403, { detail: 'Authentication credentials were not provided.' }); }
    const parts = auth.trim().split(/\s+/);
    if (parts[0].toLowerCase() !== 'token') { log(403); return sendJson(res, 403, { detail: 'Authentication credentials were not provided.' }); }
    if (parts.length === 1) { log(403); return sendJson(res, 403, { detail: 'Invalid token header. No credentials provided.' }); }
    if (parts.length > 2) { log(403); return sendJson(res, 403, { detail: 'Invalid token header. Token string should not contain spaces.' }); }
    if (parts[1] !== opts.token) { log(403); return sendJson(res, 403, { detail: 'Invalid token' }); }
    token = parts[1];
  }
  const okHeaders = { 'X-Temba-Workspace': ORG_UUID };

  // throttling (per token, sliding window)
  if (token && faults.throttle) {
    const { limit, per_seconds } = faults.throttle;
    const now = Date.now();
    const hits = (S.throttleHits.get(token) || []).filter((t) => t > now - per_seconds * 1000);
    if (hits.length >= limit) {
      const wait = Math.max(1, Math.ceil((hits[0] + per_seconds * 1000 - now) / 1000));
      S.throttleHits.set(token, hits);
      log(429);
      return sendJson(res, 429, {
        detail: `Request was throttled. Expected available in ${wait} second${wait === 1 ? '' : 's'}.`,
      }, { 'Retry-After': String(wait) });
    }
    hits.push(now);
    S.throttleHits.set(token, hits);
  }

  const handler = route[method];
  if (!handler) {
    log(405);
    return sendJson(res, 405, { detail: `Method "${method}" not allowed.` }, { ...okHeaders, Allow: Object.keys(route).filter((k) => /^[A-Z]+$/.test(k)).join(', ') });
  }
  if (method === 'GET' && roll(faults.get_fail_rate)) { log(500); return sendText(res, 500, SERVER_ERROR_TEXT); }
  if (method === 'POST' && route.write && roll(faults.send_fail_rate)) { log(500); return sendText(res, 500, SERVER_ERROR_TEXT); }
  const dropAfterAccept = method === 'POST' && route.write && roll(faults.accept_then_drop_rate);

  let result;
  try {
    const body = method === 'POST' ? (route.raw ? raw : parseJsonBody(req, raw)) : undefined;
    result = handler(ctx, body);
  } catch (e) {
    if (e instanceof ApiError) { log(e.status); return sendJson(res, e.status, e.body, { ...okHeaders, ...e.headers }); }
    throw e;
  }
  const [status, body] = result;
  if (method === 'GET' && status === 200 && body && 'next' in body && faults.loop_next.includes(endpointName)) {
    // A broken server: the next link points back at the page just served.
    body.next = `http://${ctx.host}${ctx.pathname}${ctx.search ?? ''}`;
  }
  if (dropAfterAccept && status === 201) { log('ACCEPT-DROP'); req.socket.destroy(); return; }
  log(status);
  return sendJson(res, status, body, okHeaders);
}

// ------------------------------------------------------------------------------------------------
// Control API (/$test/...)
function asList(body) { return Array.isArray(body) ? body : [body]; }

function ctlInbound(body) {
  const items = asList(body);
  const prepared = [];
  items.forEach((it, i) => {
    if (!it || typeof it !== 'object') throw fieldErr({ index: i, non_field_errors: ['Each item must be an object'] });
    let urn;
    try { urn = normalizeUrn(it.urn, { countryCode: opts.countryCode }); } catch {
      throw fieldErr({ index: i, urn: [`Invalid URN: ${it.urn}. Ensure phone numbers contain country codes.`] });
    }
    let created = null;
    if (it.created_on != null) {
      created = parseIsoMicros(String(it.created_on));
      if (created === null) throw fieldErr({ index: i, created_on: ['Invalid datetime'] });
    }
    const atts = (it.attachments || []).map((a) => {
      if (typeof a === 'string') {
        const mm = /^([^:]+):(.*)$/.exec(a);
        return { content_type: mm ? mm[1] : 'application/octet-stream', url: mm ? mm[2] : a };
      }
      return { content_type: String(a.content_type || 'application/octet-stream'), url: String(a.url || '') };
    });
    prepared.push({ it, urn, created, atts });
  });
  const out = [];
  for (const { it, urn, created, atts } of prepared) {
    const { contact } = getOrCreateContact(urn, it.name ?? null);
    if (it.name != null && contact.name !== it.name) contact.name = String(it.name);
    const now = nowMicros();
    const createdOn = created ?? now;
    contact.last_seen_on = Math.max(contact.last_seen_on ?? 0, createdOn);
    contact.modified_on = nowMicros();
    const channel = it.channel && it.channel.uuid ? { uuid: String(it.channel.uuid), name: String(it.channel.name ?? '') } : CHANNEL;
    const m = {
      id: counters.msg++, uuid: uuid7(), contactUuid: contact.uuid, urn, channel, direction: 'in',
      type: it.type == null ? 'text' : String(it.type),
      status: 'handled', visibility: 'visible', text: it.text == null ? '' : String(it.text), attachments: atts,
      quick_replies: [], labels: [], flow: it.flow && it.flow.uuid ? { uuid: it.flow.uuid, name: it.flow.name ?? '' } : null,
      created_on: createdOn, modified_on: nowMicros(), sent_on: null, broadcast: null, via: 'inbound',
      failed_reason: null, manual: true,
    };
    storeMsg(m);
    out.push(msgJson(m));
  }
  return [200, out];
}

function ctlContacts(body) {
  const out = [];
  for (const it of asList(body)) {
    if (!it || typeof it !== 'object') throw fieldErr({ non_field_errors: ['Each item must be an object'] });
    let urn;
    try { urn = normalizeUrn(it.urn, { countryCode: opts.countryCode }); } catch {
      throw fieldErr({ urn: [`Invalid URN: ${it.urn}. Ensure phone numbers contain country codes.`] });
    }
    if (it.status != null && !CONTACT_STATUSES.includes(it.status)) {
      throw fieldErr({ status: [`"${it.status}" is not a valid choice.`] });
    }
    const { contact, created } = getOrCreateContact(urn, it.name ?? null);
    let changed = created;
    if (it.name !== undefined && contact.name !== it.name) { contact.name = it.name; changed = true; }
    if (it.status != null && contact.status !== it.status) { contact.status = it.status; changed = true; }
    if (it.language !== undefined && contact.language !== it.language) { contact.language = it.language; changed = true; }
    if (changed && !created) contact.modified_on = nowMicros();
    out.push(contactJson(contact));
  }
  return [200, Array.isArray(body) ? out : out[0]];
}

const MSG_STATUSES = ['queued', 'wired', 'sent', 'delivered', 'read', 'errored', 'failed', 'handled'];
function ctlStatus(body) {
  const out = [];
  for (const it of asList(body)) {
    if (!it || typeof it !== 'object') throw fieldErr({ non_field_errors: ['Each item must be an object'] });
    const m = it.uuid != null ? S.msgByUuid.get(String(it.uuid).toLowerCase()) : S.msgById.get(Number(it.id));
    if (!m) throw detail(404, 'Not found.');
    if (!MSG_STATUSES.includes(it.status)) throw fieldErr({ status: [`"${it.status}" is not a valid choice.`] });
    if (it.failed_reason !== undefined) m.failed_reason = it.failed_reason;
    setMsgStatus(m, it.status, true);
    out.push(msgJson(m));
  }
  return [200, Array.isArray(body) ? out : out[0]];
}

function ctlFaults(body) {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) throw fieldErr({ non_field_errors: ['Expected an object'] });
  if (!Object.keys(body).length) {
    faults = defaultFaults();
    rng = makePrng(faults.seed);
    return [200, faults];
  }
  const next = { ...faults };
  for (const [k, v] of Object.entries(body)) {
    const def = defaultFaults()[k];
    if (!(k in next)) throw fieldErr({ [k]: ['Unknown fault key'] });
    if (v === null) { next[k] = def; continue; }
    if (k.endsWith('_rate')) {
      if (typeof v !== 'number' || v < 0 || v > 1) throw fieldErr({ [k]: ['Must be a number in 0..1'] });
      next[k] = v;
    } else if (k === 'throttle') {
      if (typeof v !== 'object' || !(v.limit >= 0) || !(v.per_seconds > 0)) throw fieldErr({ throttle: ['Expected {limit, per_seconds}'] });
      next.throttle = { limit: Number(v.limit), per_seconds: Number(v.per_seconds) };
    } else if (k === 'loop_next' || k === 'hang_get') {
      if (!Array.isArray(v) || !v.every((e) => typeof e === 'string')) throw fieldErr({ [k]: ['Expected a list of endpoint names'] });
      next[k] = v;
    } else if (k === 'auto_progress') {
      if (typeof v !== 'boolean') throw fieldErr({ auto_progress: ['Must be a boolean'] });
      next.auto_progress = v;
    } else {
      if (typeof v !== 'number' || v < 0) throw fieldErr({ [k]: ['Must be a non-negative number'] });
      next[k] = v;
    }
  }
  const wasAuto = faults.auto_progress;
  faults = next;
  if ('seed' in body || 'throttle' in body) {
    if ('seed' in body) rng = makePrng(faults.seed);
    if ('throttle' in body) S.throttleHits.clear();
  }
  if (!wasAuto && faults.auto_progress) for (const m of S.msgs) scheduleAdvance(m);
  return [200, faults];
}

function ctlSent() {
  return [200, S.sent.map((m) => {
    const c = S.contactByUuid.get(m.contactUuid);
    const o = {
      uuid: m.uuid, id: m.id, contact: { uuid: m.contactUuid, name: c ? c.name : null }, urn: m.urn, text: m.text,
      attachments: attachmentsOut(m), via: m.via, status: m.status, created_on: formatMicros(m.created_on),
    };
    if (m.broadcast !== null) o.broadcast = m.broadcast;
    return o;
  })];
}

function ctlReset() {
  gen++;
  for (const res of held) { try { res.socket?.destroy(); } catch { /* ignore */ } }
  held.clear();
  S = freshState();
  faults = defaultFaults();
  rng = makePrng(faults.seed);
  return [200, { ok: true }];
}

async function handleControl(req, res, ctx) {
  const raw = await readBody(req);
  const name = ctx.pathname.slice('/$test/'.length);
  const method = req.method;
  let body;
  try {
    if (method === 'POST') {
      try { body = raw.length ? JSON.parse(raw.toString('utf8')) : {}; } catch (e) { throw detail(400, `JSON parse error - ${e.message}`); }
    }
    let result;
    if (method === 'POST' && name === 'inbound') result = ctlInbound(body);
    else if (method === 'POST' && name === 'contacts') result = ctlContacts(body);
    else if (method === 'POST' && name === 'status') result = ctlStatus(body);
    else if (method === 'POST' && name === 'faults') result = ctlFaults(body);
    else if (method === 'GET' && name === 'faults') result = [200, faults];
    else if (method === 'GET' && name === 'sent') result = ctlSent();
    else if (method === 'GET' && name === 'requests') { result = [200, S.requests]; S.requests = []; }
    else if (method === 'POST' && name === 'reset') result = ctlReset();
    else if (method === 'GET' && name === 'messages') result = [200, S.msgs.map(msgJson)];
    else if (method === 'GET' && name === 'contacts') result = [200, S.contacts.map(contactJson)];
    else throw detail(404, 'Not found.');
    return sendJson(res, result[0], result[1]);
  } catch (e) {
    if (e instanceof ApiError) return sendJson(res, e.status, e.body);
    throw e;
  }
}

function serveMedia(req, res, ctx) {
  const m = /^\/media\/([0-9a-f-]{36})(?:\/.*)?$/.exec(ctx.pathname);
  const media = m && S.media.get(m[1]);
  // the storage behind media fails like the API does (faults.get_fail_rate)
  if (media && roll(faults.get_fail_rate)) { logReq(req.method, ctx.pathname, 500); return sendText(res, 500, SERVER_ERROR_TEXT); }
  logReq(req.method, ctx.pathname, media ? 200 : 404);
  if (!media || (req.method !== 'GET' && req.method !== 'HEAD')) return sendJson(res, 404, { detail: 'Not found.' });
  res.writeHead(200, { 'Content-Type': media.content_type, 'Content-Length': media.size });
  res.end(req.method === 'HEAD' ? undefined : media.data);
}

const server = http.createServer(async (req, res) => {
  let url;
  let pathname;
  try {
    url = new URL(req.url, 'http://localhost');
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return sendJson(res, 400, { detail: 'Bad request URL' });
  }
  const ctx = { req, pathname, query: url.searchParams, search: url.search, host: req.headers.host || `${opts.host}:${server.address().port}` };
  try {
    if (pathname.startsWith('/$test/')) return await handleControl(req, res, ctx);
    if (pathname.startsWith('/media/')) return serveMedia(req, res, ctx);
    return await handleApi(req, res, ctx);
  } catch (e) {
    if (e instanceof ApiError) {
      if (!res.headersSent && !res.destroyed) sendJson(res, e.status, e.body);
      return;
    }
    process.stderr.write(`rapidpro-emulator: internal error: ${e && e.stack || e}\n`);
    if (!res.headersSent && !res.destroyed) sendText(res, 500, SERVER_ERROR_TEXT);
  }
});
server.keepAliveTimeout = 5000;
server.on('clientError', (err, socket) => {
  try { socket.end('HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n'); } catch { /* ignore */ }
});
server.on('error', (e) => fatal(`server error: ${e.message}`));
process.on('uncaughtException', (e) => process.stderr.write(`rapidpro-emulator: uncaught: ${e && e.stack || e}\n`));

server.listen(opts.port, opts.host, () => {
  process.stdout.write(`LISTENING ${server.address().port}\n`);
});

const shutdown = () => process.exit(0);
process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);
if (opts.stdinExit) {
  process.stdin.on('end', shutdown);
  process.stdin.on('close', shutdown);
  process.stdin.on('error', shutdown);
  process.stdin.resume();
}
