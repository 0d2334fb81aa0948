#!/usr/bin/env node
// Emulator of Meta's Graph API (WhatsApp Cloud API, Messenger Send API) and of Meta's webhook
// sender, for mHero Console tests. Node 20, built-ins only. See README.md for the endpoints, the
// control API and the facts reproduced (with their sources).
import http from 'node:http';
import {
  graphId, wamid, messengerMid, fbtraceId, sha256Hex, hmacHex, encodeCursor, decodeCursor,
  parseMultipart, toEpochSeconds, nowSeconds, digitsOnly, metaJson,
} from './lib/util.mjs';

// ------------------------------------------------------------------------------------------------
// Options
function parseArgs(argv) {
  const o = {
    port: 0, host: '127.0.0.1', token: 'wa-test-token', pageToken: 'page-test-token',
    appSecret: 'test-app-secret', verifyToken: 'test-verify-token',
    phoneNumberId: '106540352242922', displayPhone: '15550783881', wabaId: '102290129340398',
    pageId: '100200300400500', pageName: 'Emulated Page', statusDelayMs: 50, mediaUrlTtlS: 300,
    retryBaseMs: 100, maxAttempts: 5, webhookTimeoutMs: 5000, pageSize: 25, stdinExit: true,
  };
  const num = (v, a) => {
    const n = Number(v);
    if (!Number.isFinite(n) || n < 0) fatal(`bad value for ${a}`);
    return n;
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const next = () => {
      if (i + 1 >= argv.length) fatal(`missing value for ${a}`);
      return argv[++i];
    };
    switch (a) {
      case '--port': o.port = num(next(), a); break;
      case '--host': o.host = next(); break;
      case '--token': o.token = next(); break;
      case '--page-token': o.pageToken = next(); break;
      case '--app-secret': o.appSecret = next(); break;
      case '--verify-token': o.verifyToken = next(); break;
      case '--phone-number-id': o.phoneNumberId = next(); break;
      case '--display-phone-number': o.displayPhone = next(); break;
      case '--waba-id': o.wabaId = next(); break;
      case '--page-id': o.pageId = next(); break;
      case '--status-delay-ms': o.statusDelayMs = num(next(), a); break;
      case '--media-url-ttl': o.mediaUrlTtlS = num(next(), a); break;
      case '--retry-base-ms': o.retryBaseMs = num(next(), a); break;
      case '--max-attempts': o.maxAttempts = Math.max(1, num(next(), a)); break;
      case '--webhook-timeout-ms': o.webhookTimeoutMs = num(next(), a); break;
      case '--page-size': o.pageSize = Math.max(1, num(next(), a)); break;
      case '--no-stdin-exit': o.stdinExit = false; break;
      case '--help': case '-h':
        process.stderr.write('usage: node server.mjs --port 0 [options]; see README.md\n');
        process.exit(0);
        break;
      default: fatal(`unknown option ${a}`);
    }
  }
  return o;
}
function fatal(msg) {
  process.stderr.write(`meta-emulator: ${msg}\n`);
  process.exit(2);
}
const opts = parseArgs(process.argv.slice(2));

// ------------------------------------------------------------------------------------------------
// Runtime configuration (control API) and fault settings
const defaultConfig = () => ({
  whatsapp_token: opts.token, page_token: opts.pageToken, app_secret: opts.appSecret,
  verify_token: opts.verifyToken, whatsapp_target: null, messenger_target: null, token_expired: false,
  status_delay_ms: opts.statusDelayMs, media_url_ttl_s: opts.mediaUrlTtlS, retry_base_ms: opts.retryBaseMs,
  max_attempts: opts.maxAttempts, webhook_timeout_ms: opts.webhookTimeoutMs, page_size: opts.pageSize,
});
const defaultFaults = () => ({
  send_errors: [], // [{code, count, channel: whatsapp|messenger|any, to?}] consumed by the next sends
  server_error_next: 0, server_error_status: 500, // next N Graph requests answered 5xx
  drop_after_accept_next: 0, // next N sends are accepted, then the socket is destroyed
  delay_ms: 0, // latency before every Graph request
  duplicate_next: 0, // next N webhook events are delivered twice
  out_of_order: false, // read is delivered before delivered
  skip_delivered: false, // "delivered and read at the same moment": no delivered webhook
  read_receipts: true, // false: statuses stop at delivered (user turned read receipts off)
  auto_status: true, // false: no automatic status callbacks at all
  window_error: 'async', // 'async' (failed status 131047, as the Cloud API) or 'sync' (HTTP 400)
  pair_min_interval_ms: 0, // > 0: a second message to one user within this interval => 131056
});
let config = defaultConfig();
let faults = defaultFaults();

// ------------------------------------------------------------------------------------------------
// State
let gen = 0; // bumped on reset so that stale timers do nothing
let S;
function freshState() {
  return {
    waUsers: new Map(), // wa_id -> {wa_id, name, last_inbound (s) | null, not_on_whatsapp, last_sent_ms}
    msUsers: new Map(), // psid -> {psid, name, last_inbound (s) | null}
    templates: [], // {id, name, language, status, category, components}
    sent: [], // outbound messages (both channels)
    sentById: new Map(),
    inbound: [],
    media: new Map(), // id -> {id, data, mime_type, sha256, file_size, filename, source, deleted}
    requests: [],
    deliveries: [],
    waiters: [],
  };
}
S = freshState();
const timers = new Set();
function later(ms, fn) {
  const myGen = gen;
  const t = setTimeout(() => {
    timers.delete(t);
    if (myGen === gen) fn();
  }, ms);
  timers.add(t);
}

// ------------------------------------------------------------------------------------------------
// Graph errors. HTTP statuses and messages as in Meta's error-code tables (README, "Facts").
class GraphError extends Error {
  constructor(http, code, message, { type = 'OAuthException', subcode, details, title } = {}) {
    super(message);
    Object.assign(this, { http, code, type, subcode, details, title });
  }
  body() {
    const error = { message: this.message, type: this.type, code: this.code };
    if (this.subcode !== undefined) error.error_subcode = this.subcode;
    if (this.details !== undefined) error.error_data = { messaging_product: 'whatsapp', details: this.details };
    error.fbtrace_id = fbtraceId();
    return { error };
  }
}
// WhatsApp codes: [http, title, default details]
const WA_CODES = {
  130429: [400, 'Rate limit hit', 'Cloud API message throughput has been reached.'],
  131000: [500, 'Something went wrong', 'Something went wrong.'],
  131008: [400, 'Required parameter is missing', 'A required parameter is missing.'],
  131009: [400, 'Parameter value is not valid', 'A parameter value is not valid.'],
  131026: [400, 'Message Undeliverable', 'Message Undeliverable.'],
  131047: [400, 'Re-engagement message',
    'Message failed to send because more than 24 hours have passed since the customer last replied to this number.'],
  131048: [400, 'Spam rate limit hit', 'Message failed to send because there are restrictions on how many messages can be sent from this phone number.'],
  131049: [400, 'This message was not delivered to maintain healthy ecosystem engagement.', 'In order to maintain a healthy ecosystem engagement, the message failed to be delivered.'],
  131051: [400, 'Unsupported message type', 'Message type is not currently supported.'],
  131053: [400, 'Media upload error', 'Unable to upload the media used in the message.'],
  131056: [400, '(Business Account, Consumer Account) pair rate limit hit',
    'Message failed to send because there were too many messages sent from this phone number to the same phone number in a short period of time.'],
  132000: [400, 'Number of parameters does not match the expected number of params', 'The number of parameters does not match the template.'],
  132001: [404, 'Template name does not exist in the translation', 'The template does not exist in this language.'],
  132015: [400, 'Template is Paused', 'The template is paused because of low quality.'],
  132016: [400, 'Template is Disabled', 'The template is disabled because of low quality.'],
  133010: [400, 'Account not registered', 'The phone number is not registered on the WhatsApp Business Platform.'],
};
function waError(code, details) {
  const known = WA_CODES[code];
  if (!known) return new GraphError(400, code, `(#${code}) Emulated error`, { details: details ?? 'Emulated error.' });
  return new GraphError(known[0], code, `(#${code}) ${known[1]}`, { details: details ?? known[2], title: known[1] });
}
// The "errors" object inside webhooks (statuses[].errors[], messages[].errors[]).
function webhookError(code, details) {
  const known = WA_CODES[code] || [400, 'Emulated error', 'Emulated error.'];
  return {
    code, title: known[1], message: known[1], error_data: { details: details ?? known[2] },
    href: 'https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes/',
  };
}
const invalidParam = (what) => new GraphError(400, 100, `(#100) ${what}`);
const invalidToken = () => new GraphError(401, 190, 'Invalid OAuth access token - Cannot parse access token');
const expiredToken = () => new GraphError(401, 190,
  'Error validating access token: Session has expired on Monday, 01-Jan-24 00:00:00 PST. The current time is later.',
  { subcode: 463 });
const unsupported = (method, id) => new GraphError(400, 100,
  `Unsupported ${method.toLowerCase()} request. Object with ID '${id}' does not exist, cannot be loaded due to missing permissions, or does not support this operation. Please read the Graph API documentation at https://developers.facebook.com/docs/graph-api`,
  { type: 'GraphMethodException', subcode: 33 });
// Messenger errors (Send API error-code table).
const MS_CODES = {
  outside_window: [400, 10, 2018278, '(#10) This message is sent outside of allowed window. Learn more about the new policy here: https://developers.facebook.com/docs/messenger-platform/policy-overview'],
  no_user: [400, 100, 2018001, '(#100) No matching user found'],
  unavailable: [400, 551, 1545041, 'This person isn\'t available right now.'],
  rate: [400, 613, undefined, '(#613) Calls to this API have exceeded the rate limit.'],
  app_rate: [400, 4, undefined, '(#4) Application request limit reached'],
  temporary: [500, 1200, undefined, 'Temporary send message failure. Please try again later.'],
};
function msError(key) {
  const [status, code, subcode, message] = MS_CODES[key];
  return new GraphError(status, code, message, { subcode });
}
function msErrorByCode(code, subcode) {
  for (const key of Object.keys(MS_CODES)) {
    const [, c, sc] = MS_CODES[key];
    if (c === code && (subcode === undefined || sc === subcode)) return msError(key);
  }
  return new GraphError(400, code, `(#${code}) Emulated error`, { subcode });
}

// ------------------------------------------------------------------------------------------------
// HTTP helpers
function sendJson(res, status, obj, headers = {}) {
  const body = Buffer.from(JSON.stringify(obj));
  res.writeHead(status, { 'Content-Type': 'application/json; charset=UTF-8', 'Content-Length': body.length, ...headers });
  res.end(body);
}
function readBody(req, limit = 120 * 1024 * 1024) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    let size = 0;
    req.on('data', (c) => {
      size += c.length;
      if (size > limit) { reject(new GraphError(413, 100, '(#100) Request too large')); req.destroy(); return; }
      chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}
function parseJson(raw) {
  if (!raw.length) return {};
  try {
    return JSON.parse(raw.toString('utf8'));
  } catch {
    throw invalidParam('Invalid JSON for postback payload');
  }
}
const baseUrl = (ctx) => `http://${ctx.host}`;

// ------------------------------------------------------------------------------------------------
// Webhook sender (Meta => the application under test)
function deliver(channel, payload, { field = null } = {}) {
  const target = channel === 'messenger' ? config.messenger_target : config.whatsapp_target;
  const raw = Buffer.from(metaJson(payload));
  const copies = faults.duplicate_next > 0 ? 2 : 1;
  if (copies === 2) faults.duplicate_next--;
  const made = [];
  for (let c = 0; c < copies; c++) {
    const d = {
      id: S.deliveries.length + 1, channel, field, target, payload, raw: raw.toString('utf8'),
      signature: `sha256=${hmacHex('sha256', config.app_secret, raw)}`,
      attempts: [], state: target ? 'pending' : 'no_target', duplicate: c > 0,
    };
    S.deliveries.push(d);
    made.push(d);
    if (target) attempt(d, raw);
  }
  notifyWaiters();
  return made[0];
}
function attempt(d, raw) {
  const myGen = gen;
  let url;
  try {
    url = new URL(d.target);
  } catch {
    d.attempts.push({ at: new Date().toISOString(), error: 'bad target URL' });
    d.state = 'failed';
    notifyWaiters();
    return;
  }
  const finish = (result) => {
    if (myGen !== gen) return;
    d.attempts.push({ at: new Date().toISOString(), ...result });
    if (result.status >= 200 && result.status < 300) d.state = 'delivered';
    else if (d.attempts.length >= config.max_attempts) d.state = 'failed';
    else later(config.retry_base_ms * 2 ** (d.attempts.length - 1), () => attempt(d, raw));
    notifyWaiters();
  };
  const req = http.request(url, {
    method: 'POST', timeout: config.webhook_timeout_ms,
    headers: {
      'Content-Type': 'application/json', 'Content-Length': raw.length, 'User-Agent': 'facebookexternalua',
      'X-Hub-Signature-256': d.signature, 'X-Hub-Signature': `sha1=${hmacHex('sha1', config.app_secret, raw)}`,
    },
  }, (res) => {
    const chunks = [];
    res.on('data', (c) => chunks.push(c));
    res.on('end', () => finish({ status: res.statusCode, body: Buffer.concat(chunks).toString('utf8').slice(0, 500) }));
    res.on('error', (e) => finish({ status: 0, error: e.message }));
  });
  req.on('timeout', () => req.destroy(new Error('timeout')));
  req.on('error', (e) => finish({ status: 0, error: e.message }));
  req.end(raw);
}
function notifyWaiters() {
  S.waiters = S.waiters.filter((w) => !w.check());
}
const settled = (d) => d.state !== 'pending';

function waEnvelope(value, field = 'messages') {
  return {
    object: 'whatsapp_business_account',
    entry: [{ id: opts.wabaId, changes: [{ value, field }] }],
  };
}
const waMetadata = () => ({ display_phone_number: opts.displayPhone, phone_number_id: opts.phoneNumberId });

// ------------------------------------------------------------------------------------------------
// WhatsApp: users, windows, status callbacks
const DAY = 24 * 3600;
function waUser(waId) {
  let u = S.waUsers.get(waId);
  if (!u) {
    u = { wa_id: waId, name: null, last_inbound: null, not_on_whatsapp: false, last_sent_ms: 0 };
    S.waUsers.set(waId, u);
  }
  return u;
}
const waWindowOpen = (u) => u.last_inbound !== null && nowSeconds() - u.last_inbound < DAY;

function statusObject(m, status, extra = {}) {
  const s = { id: m.id, status, timestamp: String(nowSeconds()), recipient_id: m.to };
  if (status === 'failed') {
    s.errors = [webhookError(m.fail_code)];
  } else {
    const category = m.category;
    if (status !== 'read') {
      s.conversation = { id: m.conversation_id, origin: { type: category } };
      if (status === 'sent') s.conversation.expiration_timestamp = String(m.conversation_expires);
    }
    s.pricing = { billable: category !== 'service', pricing_model: 'PMP', type: category === 'service' ? 'free_customer_service' : 'regular', category };
  }
  return { ...s, ...extra };
}
function emitWaStatus(m, status) {
  m.statuses.push(status);
  m.status = status;
  deliver('whatsapp', waEnvelope({ messaging_product: 'whatsapp', metadata: waMetadata(), statuses: [statusObject(m, status)] }),
    { field: 'messages' });
}
// ~3 callbacks per message: sent, delivered, read (or one failed), each after status_delay_ms.
function scheduleWaStatuses(m) {
  const d = config.status_delay_ms;
  if (m.fail_code) { later(d, () => emitWaStatus(m, 'failed')); return; }
  if (!faults.auto_status) return;
  let steps = ['sent'];
  if (!faults.skip_delivered) steps.push('delivered');
  if (faults.read_receipts) steps.push('read');
  if (faults.out_of_order && steps.includes('delivered') && steps.includes('read')) steps = ['sent', 'read', 'delivered'];
  steps.forEach((st, i) => later(d * (i + 1), () => emitWaStatus(m, st)));
}

function takeInjectedError(channel, to) {
  const i = faults.send_errors.findIndex((e) => (e.channel === 'any' || e.channel === channel) && (e.to == null || e.to === to));
  if (i < 0) return null;
  const e = faults.send_errors[i];
  if (--e.count <= 0) faults.send_errors.splice(i, 1);
  return e;
}

// ------------------------------------------------------------------------------------------------
// WhatsApp: templates
const TEMPLATE_STATUSES = ['APPROVED', 'PENDING', 'REJECTED', 'PAUSED', 'DISABLED', 'IN_APPEAL', 'PENDING_DELETION', 'ARCHIVED', 'LIMIT_EXCEEDED'];
const TEMPLATE_CATEGORIES = ['MARKETING', 'UTILITY', 'AUTHENTICATION'];
const countPlaceholders = (text) => new Set([...String(text ?? '').matchAll(/\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g)].map((x) => x[1])).size;

// Expected parameter counts per component of a template: {header, body, buttons: {index: n}}.
function expectedParams(t) {
  const exp = { header: 0, body: 0, buttons: {} };
  for (const c of t.components || []) {
    const type = String(c.type || '').toUpperCase();
    if (type === 'HEADER') {
      // TEXT headers take one parameter per placeholder; IMAGE/VIDEO/DOCUMENT/LOCATION take one
      exp.header = String(c.format || 'TEXT').toUpperCase() === 'TEXT' ? countPlaceholders(c.text) : 1;
    } else if (type === 'BODY') {
      exp.body = countPlaceholders(c.text);
    } else if (type === 'BUTTONS') {
      (c.buttons || []).forEach((b, i) => {
        const n = b.type === 'URL' ? countPlaceholders(b.url) : 0;
        if (n) exp.buttons[i] = n;
      });
    }
  }
  return exp;
}
function validateTemplateSend(tpl) {
  if (!tpl || typeof tpl !== 'object') throw waError(131008, 'Parameter template is required.');
  const name = tpl.name;
  const lang = tpl.language?.code;
  if (typeof name !== 'string' || !name) throw waError(131008, 'Parameter template[name] is required.');
  if (typeof lang !== 'string' || !lang) throw waError(131008, 'Parameter template[language][code] is required.');
  const t = S.templates.find((x) => x.name === name && x.language === lang);
  if (!t || ['PENDING', 'REJECTED', 'IN_APPEAL', 'PENDING_DELETION', 'ARCHIVED'].includes(t.status)) {
    throw waError(132001, `template name (${name}) does not exist in ${lang}`);
  }
  if (t.status === 'PAUSED') throw waError(132015, `Template ${name} is paused.`);
  if (t.status === 'DISABLED') throw waError(132016, `Template ${name} is disabled.`);
  const exp = expectedParams(t);
  const got = { header: 0, body: 0, buttons: {} };
  if (tpl.components !== undefined && !Array.isArray(tpl.components)) throw waError(131009, 'template[components] must be an array.');
  for (const c of tpl.components || []) {
    const params = Array.isArray(c?.parameters) ? c.parameters : [];
    for (const p of params) {
      if (!p || typeof p !== 'object' || typeof p.type !== 'string') throw waError(131009, 'Each parameter needs a type.');
      if (p.type === 'text' && (typeof p.text !== 'string' || !p.text.trim())) {
        throw waError(131008, 'Parameter of type text is missing text value.');
      }
    }
    const type = String(c?.type || '').toLowerCase();
    if (type === 'header') got.header += params.length;
    else if (type === 'body') got.body += params.length;
    else if (type === 'button') got.buttons[Number(c.index ?? 0)] = params.length;
    else throw waError(131009, `Invalid component type ${c?.type}.`);
  }
  for (const part of ['header', 'body']) {
    if (got[part] !== exp[part]) {
      throw waError(132000, `${part}: number of localizable_params (${got[part]}) does not match the expected number of params (${exp[part]})`);
    }
  }
  for (const [i, n] of Object.entries(exp.buttons)) {
    if ((got.buttons[i] ?? 0) !== n) {
      throw waError(132000, `button at index ${i}: number of params (${got.buttons[i] ?? 0}) does not match the expected number of params (${n})`);
    }
  }
  return t;
}
function templateJson(t) {
  return { name: t.name, parameter_format: 'POSITIONAL', components: t.components, language: t.language, status: t.status, category: t.category, id: t.id };
}

// ------------------------------------------------------------------------------------------------
// WhatsApp: POST /{phone-number-id}/messages
const MEDIA_TYPES = ['image', 'audio', 'video', 'document', 'sticker'];
const SEND_TYPES = ['text', 'template', ...MEDIA_TYPES, 'reaction', 'interactive', 'location', 'contacts'];
function validateWaContent(type, body) {
  const obj = body[type];
  if (!obj || typeof obj !== 'object') throw waError(131008, `Parameter '${type}' is required for type ${type}.`);
  if (type === 'text') {
    if (typeof obj.body !== 'string' || !obj.body.length) throw waError(131008, 'Parameter text[body] is required.');
    if (obj.body.length > 4096) throw waError(131009, 'text[body] is too long: the maximum length is 4096 characters.');
  } else if (MEDIA_TYPES.includes(type)) {
    if (obj.id != null && obj.link != null) throw waError(131009, `Both ${type}[id] and ${type}[link] are set: use one.`);
    if (obj.id != null) {
      const media = S.media.get(String(obj.id));
      if (!media || media.deleted) throw invalidParam(`Invalid parameter: ${type}[id] is not a valid media id.`);
    } else if (typeof obj.link !== 'string' || !/^https?:\/\//.test(obj.link)) {
      throw waError(131008, `Parameter ${type}[id] or ${type}[link] is required.`);
    }
    if (obj.caption != null && ['audio', 'sticker'].includes(type)) throw waError(131009, `${type} does not take a caption.`);
  } else if (type === 'reaction') {
    if (typeof obj.message_id !== 'string' || typeof obj.emoji !== 'string') throw waError(131008, 'reaction needs message_id and emoji.');
  } else if (type === 'interactive') {
    if (!['button', 'list', 'cta_url', 'product', 'product_list', 'flow', 'location_request_message'].includes(obj.type)) {
      throw waError(131009, 'interactive[type] is not valid.');
    }
    if (!obj.action || typeof obj.action !== 'object') throw waError(131008, 'Parameter interactive[action] is required.');
    if (obj.type === 'button' && !(Array.isArray(obj.action.buttons) && obj.action.buttons.length >= 1 && obj.action.buttons.length <= 3)) {
      throw waError(131009, 'interactive button messages need 1 to 3 buttons.');
    }
  } else if (type === 'location') {
    if (obj.latitude == null || obj.longitude == null) throw waError(131008, 'location needs latitude and longitude.');
  } else if (type === 'contacts') {
    if (!Array.isArray(obj) || !obj.length) throw waError(131008, 'contacts must be a non-empty array.');
  }
}

// One conversation id per (user, category) for 24 h, as in the statuses' conversation object.
function conversationId(user, category) {
  user.conversations ??= {};
  const c = user.conversations[category];
  if (c && c.expires > nowSeconds()) return c.id;
  const id = Buffer.from(`${user.wa_id}:${category}:${Date.now()}`).toString('hex').slice(0, 32);
  user.conversations[category] = { id, expires: nowSeconds() + DAY };
  return id;
}

function waSend(ctx, body) {
  if (body.messaging_product !== 'whatsapp') throw invalidParam('The parameter messaging_product is required.');
  if (body.status === 'read' && body.message_id) {
    // mark an inbound message as read
    if (!S.inbound.some((m) => m.id === body.message_id)) throw invalidParam('Invalid parameter: message_id is not a received message.');
    return [200, { success: true }];
  }
  if (body.to == null || body.to === '') throw invalidParam('The parameter to is required.');
  if (body.recipient_type != null && body.recipient_type !== 'individual') throw invalidParam('Invalid parameter: recipient_type');
  const type = body.type ?? 'text';
  if (!SEND_TYPES.includes(type)) throw waError(131009, `Invalid parameter: type ${type} is not supported.`);
  const to = digitsOnly(body.to);
  if (to.length < 6 || to.length > 15) throw waError(131009, `Invalid parameter: to (${body.to}) is not a valid phone number.`);
  if (body.context != null && typeof body.context?.message_id !== 'string') throw waError(131009, 'context[message_id] must be a string.');

  const user = waUser(to);
  let template = null;
  if (type === 'template') template = validateTemplateSend(body.template);
  else validateWaContent(type, body);

  const injected = takeInjectedError('whatsapp', to);
  if (injected) throw waError(injected.code, injected.details);

  const nowMs = Date.now();
  if (faults.pair_min_interval_ms > 0 && nowMs - user.last_sent_ms < faults.pair_min_interval_ms) throw waError(131056);
  const windowOpen = waWindowOpen(user);
  if (type !== 'template' && !windowOpen && faults.window_error === 'sync' && !user.not_on_whatsapp) throw waError(131047);
  user.last_sent_ms = nowMs;

  const id = wamid(to);
  let failCode = null;
  if (user.not_on_whatsapp) failCode = 131026;
  else if (type !== 'template' && !windowOpen) failCode = 131047;
  const category = template ? template.category.toLowerCase() : 'service';
  const m = {
    channel: 'whatsapp', id, to, type, request: body, created: new Date().toISOString(), status: 'accepted', statuses: [],
    template: template ? { name: template.name, language: template.language } : null, window_open: windowOpen,
    fail_code: failCode, category, conversation_id: conversationId(user, category), conversation_expires: nowSeconds() + DAY,
  };
  S.sent.push(m);
  S.sentById.set(id, m);
  scheduleWaStatuses(m);
  const response = { messaging_product: 'whatsapp', contacts: [{ input: String(body.to), wa_id: to }], messages: [{ id }] };
  if (type === 'template') response.messages[0].message_status = 'accepted';
  return [200, response, true];
}

// ------------------------------------------------------------------------------------------------
// WhatsApp: media
function storeMedia({ data, mime_type, filename = null, source }) {
  const id = graphId();
  const m = { id, data, mime_type, sha256: sha256Hex(data), file_size: data.length, filename, source, deleted: false, created: new Date().toISOString() };
  S.media.set(id, m);
  return m;
}
function waUpload(ctx, raw) {
  const parts = parseMultipart(raw, ctx.req.headers['content-type']);
  if (!parts) throw invalidParam('Invalid parameter: the upload must be multipart/form-data.');
  const field = (n) => parts.find((p) => p.name === n);
  const product = field('messaging_product')?.data.toString('utf8');
  if (product !== 'whatsapp') throw invalidParam('The parameter messaging_product is required.');
  const file = field('file');
  if (!file || file.filename === undefined) throw invalidParam('The parameter file is required.');
  const type = field('type')?.data.toString('utf8') || file.contentType;
  if (!type || !/^[a-z]+\/[A-Za-z0-9.+-]+$/.test(type)) throw invalidParam('Param type must be a MIME type, e.g. image/jpeg.');
  if (!file.data.length) throw waError(131053, 'The uploaded file is empty.');
  const m = storeMedia({ data: Buffer.from(file.data), mime_type: type, filename: file.filename, source: 'upload' });
  return [200, { id: m.id }];
}
function mediaUrl(ctx, m) {
  const ext = nowSeconds() + config.media_url_ttl_s;
  const hash = hmacHex('sha256', config.app_secret, Buffer.from(`${m.id}:${ext}`)).slice(0, 24);
  return `${baseUrl(ctx)}/whatsapp_business/attachments/?mid=${m.id}&ext=${ext}&hash=${hash}`;
}
function mediaInfo(ctx, m) {
  return [200, { url: mediaUrl(ctx, m), mime_type: m.mime_type, sha256: m.sha256, file_size: m.file_size, id: m.id, messaging_product: 'whatsapp' }];
}
// GET <url from GET /{media-id}>: Bearer token needed, link expires after media_url_ttl_s.
function serveMediaDownload(req, res, ctx) {
  const mid = ctx.query.get('mid') ?? '';
  const ext = Number(ctx.query.get('ext'));
  const hash = ctx.query.get('hash') ?? '';
  const auth = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization || '')?.[1];
  let status = 200;
  const m = S.media.get(mid);
  if (auth !== config.whatsapp_token) status = 401;
  else if (!m || m.deleted || hash !== hmacHex('sha256', config.app_secret, Buffer.from(`${mid}:${ext}`)).slice(0, 24)) status = 404;
  else if (!(ext >= nowSeconds())) status = 404;
  log(req.method, `${ctx.pathname}?mid=${mid}`, status);
  if (status !== 200) {
    const text = Buffer.from(status === 401 ? 'Unauthorized' : 'URL signature expired');
    res.writeHead(status, { 'Content-Type': 'text/plain', 'Content-Length': text.length });
    return res.end(text);
  }
  res.writeHead(200, { 'Content-Type': m.mime_type, 'Content-Length': m.file_size, 'Content-Disposition': `attachment; filename=${m.filename || m.id}` });
  res.end(req.method === 'HEAD' ? undefined : m.data);
}

// ------------------------------------------------------------------------------------------------
// WhatsApp: templates listing (Graph cursor paging)
function listTemplates(ctx) {
  const q = ctx.query;
  let items = S.templates.slice();
  if (q.get('status')) { const st = q.get('status').toUpperCase().split(','); items = items.filter((t) => st.includes(t.status)); }
  if (q.get('name')) items = items.filter((t) => t.name.includes(q.get('name')));
  if (q.get('language')) items = items.filter((t) => t.language === q.get('language'));
  if (q.get('category')) { const c = q.get('category').toUpperCase().split(','); items = items.filter((t) => c.includes(t.category)); }
  const limit = q.get('limit') != null ? Number(q.get('limit')) : config.page_size;
  if (!Number.isInteger(limit) || limit < 1) throw invalidParam('Param limit must be a positive integer');
  let start = 0;
  let end;
  if (q.get('after') != null) {
    const p = decodeCursor(q.get('after'));
    if (p === null) throw invalidParam('Invalid cursor: after');
    start = p + 1;
    end = Math.min(items.length, start + limit);
  } else if (q.get('before') != null) {
    const p = decodeCursor(q.get('before'));
    if (p === null) throw invalidParam('Invalid cursor: before');
    end = Math.min(items.length, p);
    start = Math.max(0, end - limit);
  } else {
    end = Math.min(items.length, limit);
  }
  const page = items.slice(start, end);
  const fields = q.get('fields') ? q.get('fields').split(',').map((f) => f.trim()) : null;
  const data = page.map((t) => {
    const j = templateJson(t);
    if (!fields) return j;
    const o = {};
    for (const f of fields) if (f in j) o[f] = j[f];
    o.id = j.id;
    return o;
  });
  if (!page.length) return [200, { data: [] }];
  const body = { data, paging: { cursors: { before: encodeCursor(start), after: encodeCursor(end - 1) } } };
  const link = (k, v) => {
    const u = new URL(`${baseUrl(ctx)}${ctx.pathname}`);
    for (const [a, b] of q) if (!['after', 'before'].includes(a)) u.searchParams.set(a, b);
    u.searchParams.set('limit', String(limit));
    u.searchParams.set(k, v);
    return u.toString();
  };
  if (end < items.length) body.paging.next = link('after', body.paging.cursors.after);
  if (start > 0) body.paging.previous = link('before', body.paging.cursors.before);
  return [200, body];
}

// ------------------------------------------------------------------------------------------------
// Messenger
const MS_WINDOW = DAY;
const HUMAN_AGENT_WINDOW = 7 * DAY;
const MESSAGE_TAGS = ['CONFIRMED_EVENT_UPDATE', 'POST_PURCHASE_UPDATE', 'ACCOUNT_UPDATE', 'HUMAN_AGENT'];
function msUser(psid) {
  let u = S.msUsers.get(psid);
  if (!u) { u = { psid, name: null, last_inbound: null, unavailable: false }; S.msUsers.set(psid, u); }
  return u;
}
function pageEnvelope(messaging) {
  return { object: 'page', entry: [{ id: opts.pageId, time: Date.now(), messaging: [messaging] }] };
}
function msSend(ctx, body) {
  const psid = body.recipient?.id != null ? String(body.recipient.id) : null;
  if (!psid) throw invalidParam('param recipient must be non-empty.');
  const hasAction = body.sender_action != null;
  const message = body.message;
  if (!hasAction && (!message || typeof message !== 'object')) throw invalidParam('Must send either message or state');
  if (hasAction && message) throw new GraphError(400, 100, '(#100) Cannot send both message and state at the same time.', { subcode: 2018015 });
  const mt = body.messaging_type ?? 'RESPONSE';
  if (!['RESPONSE', 'UPDATE', 'MESSAGE_TAG'].includes(mt)) throw invalidParam(`Param messaging_type must be one of {RESPONSE, UPDATE, MESSAGE_TAG} - got "${mt}".`);
  if (mt === 'MESSAGE_TAG' && !MESSAGE_TAGS.includes(body.tag)) throw invalidParam(`Param tag must be one of {${MESSAGE_TAGS.join(', ')}} - got "${body.tag}".`);
  if (message) {
    const hasText = typeof message.text === 'string';
    const att = message.attachment;
    if (!hasText && !att) throw invalidParam('param message must contain text or attachment.');
    if (hasText && message.text.length > 2000) throw invalidParam('Length of param message[text] must be less than or equal to 2000');
    if (att) {
      if (!['image', 'audio', 'video', 'file', 'template'].includes(att.type)) throw invalidParam('param message[attachment][type] must be one of {image, audio, video, file, template}');
      const p = att.payload || {};
      if (att.type !== 'template') {
        if (p.attachment_id != null) {
          const m = S.media.get(String(p.attachment_id));
          if (!m || m.deleted || m.source !== 'messenger_upload') throw invalidParam('Attachment ID not valid');
        } else if (typeof p.url !== 'string' || !/^https?:\/\//.test(p.url)) {
          throw invalidParam('param message[attachment][payload] must contain url or attachment_id.');
        }
      }
    }
  }
  const user = S.msUsers.get(psid);
  if (!user || user.last_inbound === null) throw msError('no_user');
  const injected = takeInjectedError('messenger', psid);
  if (injected) throw msErrorByCode(injected.code, injected.subcode);
  if (user.unavailable) throw msError('unavailable');
  const age = nowSeconds() - user.last_inbound;
  const limit = mt === 'MESSAGE_TAG' ? (body.tag === 'HUMAN_AGENT' ? HUMAN_AGENT_WINDOW : Infinity) : MS_WINDOW;
  if (age >= limit) throw msError('outside_window');
  if (hasAction) return [200, { recipient_id: psid }];
  const mid = messengerMid();
  const m = { channel: 'messenger', id: mid, to: psid, type: message.attachment ? message.attachment.type : 'text', request: body, created: new Date().toISOString(), status: 'accepted', statuses: [], messaging_type: mt, tag: body.tag ?? null };
  S.sent.push(m);
  S.sentById.set(mid, m);
  if (faults.auto_status) {
    const d = config.status_delay_ms;
    const sentAt = Date.now();
    const delivery = () => { m.statuses.push('delivered'); m.status = 'delivered'; deliver('messenger', pageEnvelope({ sender: { id: psid }, recipient: { id: opts.pageId }, delivery: { mids: [mid], watermark: sentAt } }), { field: 'message_deliveries' }); };
    const read = () => { m.statuses.push('read'); m.status = 'read'; deliver('messenger', pageEnvelope({ sender: { id: psid }, recipient: { id: opts.pageId }, timestamp: Date.now(), read: { watermark: sentAt } }), { field: 'message_reads' }); };
    const steps = [];
    if (!faults.skip_delivered) steps.push(delivery);
    if (faults.read_receipts) steps.push(read);
    if (faults.out_of_order && steps.length === 2) steps.reverse();
    steps.forEach((f, i) => later(d * (i + 1), f));
  }
  return [200, { recipient_id: psid, message_id: mid }, true];
}
function msUpload(ctx, raw) {
  const ct = ctx.req.headers['content-type'] || '';
  let message;
  let file = null;
  if (/multipart\/form-data/i.test(ct)) {
    const parts = parseMultipart(raw, ct);
    if (!parts) throw invalidParam('Invalid multipart body');
    try { message = JSON.parse(parts.find((p) => p.name === 'message')?.data.toString('utf8') ?? 'null'); } catch { message = null; }
    file = parts.find((p) => p.name === 'filedata') ?? null;
  } else {
    message = parseJson(raw).message;
  }
  const att = message?.attachment;
  if (!att || !['image', 'audio', 'video', 'file'].includes(att.type)) throw invalidParam('param message[attachment][type] must be one of {image, audio, video, file}');
  if (att.payload?.is_reusable !== true) throw invalidParam('Attachment must be reusable: set message[attachment][payload][is_reusable] = true');
  let data;
  let mime;
  let filename = null;
  if (file) {
    if (!file.data.length) throw invalidParam('filedata is empty');
    data = Buffer.from(file.data);
    mime = file.contentType || 'application/octet-stream';
    filename = file.filename ?? null;
  } else if (typeof att.payload.url === 'string') {
    data = Buffer.from(`content of ${att.payload.url}`);
    mime = 'application/octet-stream';
  } else {
    throw invalidParam('Upload needs filedata or message[attachment][payload][url]');
  }
  const m = storeMedia({ data, mime_type: mime, filename, source: 'messenger_upload' });
  m.attachment_type = att.type;
  return [200, { attachment_id: m.id }];
}

// ------------------------------------------------------------------------------------------------
// Graph API dispatcher
function log(method, path, outcome) {
  S.requests.push(`${method} ${path} ${outcome}`);
}
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function handleGraph(req, res, ctx) {
  const raw = await readBody(req);
  const m = /^\/(?:v\d+\.\d+\/)?([^/]+)(?:\/([^/]+))?\/?$/.exec(ctx.pathname);
  const method = req.method;
  const logPath = ctx.pathname;
  const fail = (e) => {
    log(method, logPath, e.http);
    // Graph sends this header with its 401s
    const headers = e.http === 401 ? { 'WWW-Authenticate': 'OAuth "Facebook Platform" "invalid_token" "' + e.message.replace(/"/g, "'") + '"' } : {};
    sendJson(res, e.http, e.body(), headers);
  };
  if (faults.delay_ms > 0) await sleep(faults.delay_ms);
  if (!m) return fail(new GraphError(400, 2500, 'Unknown path components: ' + ctx.pathname, { type: 'OAuthException' }));
  const [, node, edge] = m;

  // authentication: Bearer header or access_token parameter
  const bearer = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization || '')?.[1];
  const token = bearer ?? ctx.query.get('access_token');
  const isPage = node === 'me' || node === opts.pageId;
  if (!token) return fail(new GraphError(400, 2500, 'An active access token must be used to query information about the current user.'));
  const expected = isPage ? config.page_token : config.whatsapp_token;
  if (token !== expected) return fail(invalidToken());
  if (config.token_expired) return fail(expiredToken());

  if (faults.server_error_next > 0) {
    faults.server_error_next--;
    const status = faults.server_error_status;
    return fail(new GraphError(status, 2, 'An unexpected error has occurred. Please retry your request later.', { type: 'OAuthException' }));
  }

  let result;
  try {
    const isSend = method === 'POST' && edge === 'messages';
    if (node === opts.phoneNumberId && edge === 'messages' && method === 'POST') result = waSend(ctx, parseJson(raw));
    else if (node === opts.phoneNumberId && edge === 'media' && method === 'POST') result = waUpload(ctx, raw);
    else if (node === opts.phoneNumberId && !edge && method === 'GET') result = [200, { verified_name: 'mHero Test', code_verification_status: 'VERIFIED', display_phone_number: opts.displayPhone, quality_rating: 'GREEN', platform_type: 'CLOUD_API', throughput: { level: 'STANDARD' }, id: opts.phoneNumberId }];
    else if (node === opts.wabaId && edge === 'message_templates' && method === 'GET') result = listTemplates(ctx);
    else if (isPage && edge === 'messages' && method === 'POST') result = msSend(ctx, parseJson(raw));
    else if (isPage && edge === 'message_attachments' && method === 'POST') result = msUpload(ctx, raw);
    else if (isPage && !edge && method === 'GET') result = [200, { name: opts.pageName, id: opts.pageId }];
    else if (!edge && S.media.has(node) && !S.media.get(node).deleted && S.media.get(node).source !== 'messenger_upload' && method === 'GET') result = mediaInfo(ctx, S.media.get(node));
    else if (!edge && S.media.has(node) && !S.media.get(node).deleted && method === 'DELETE') { S.media.get(node).deleted = true; result = [200, { success: true }]; }
    else throw unsupported(method, node);
    if (isSend && result[2] && faults.drop_after_accept_next > 0) {
      faults.drop_after_accept_next--;
      log(method, logPath, 'ACCEPT-DROP');
      req.socket.destroy();
      return undefined;
    }
  } catch (e) {
    if (e instanceof GraphError) return fail(e);
    throw e;
  }
  log(method, logPath, result[0]);
  return sendJson(res, result[0], result[1]);
}

// ------------------------------------------------------------------------------------------------
// Control API (/_control/..., no auth, JSON)
class CtlError extends Error {
  constructor(status, message) { super(message); this.status = status; }
}
const asList = (b) => (Array.isArray(b) ? b : [b]);
const bad = (msg) => new CtlError(400, msg);

function ctlConfig(body) {
  const d = defaultConfig();
  for (const [k, v] of Object.entries(body)) {
    if (!(k in d)) throw bad(`unknown config key ${k}`);
    config[k] = v === null && !['whatsapp_target', 'messenger_target'].includes(k) ? d[k] : v;
  }
  return config;
}
function ctlFaults(body) {
  if (!Object.keys(body).length) { faults = defaultFaults(); return faults; }
  const d = defaultFaults();
  for (const [k, v] of Object.entries(body)) {
    if (!(k in d)) throw bad(`unknown fault key ${k}`);
    if (v === null) { faults[k] = d[k]; continue; }
    if (k === 'send_errors') {
      if (!Array.isArray(v)) throw bad('send_errors must be a list');
      faults.send_errors = v.map((e) => {
        if (!e || !Number.isInteger(e.code)) throw bad('each send error needs an integer code');
        return { code: e.code, subcode: e.subcode, details: e.details, count: Number.isInteger(e.count) ? e.count : 1, channel: e.channel ?? 'any', to: e.to == null ? null : String(e.to) };
      });
    } else if (k === 'window_error') {
      if (!['async', 'sync'].includes(v)) throw bad('window_error must be async or sync');
      faults.window_error = v;
    } else if (typeof d[k] === 'boolean') {
      if (typeof v !== 'boolean') throw bad(`${k} must be a boolean`);
      faults[k] = v;
    } else {
      if (typeof v !== 'number' || v < 0) throw bad(`${k} must be a non-negative number`);
      faults[k] = v;
    }
  }
  return faults;
}

// Inbound WhatsApp message from a user: {from, name?, type, timestamp?, context?, <type fields>, media?}
const INBOUND_TYPES = ['text', 'image', 'audio', 'video', 'document', 'sticker', 'location', 'contacts', 'interactive', 'button', 'reaction', 'unsupported', 'unknown', 'order', 'system'];
function ctlWaInbound(ctx, body) {
  const out = [];
  for (const it of asList(body)) {
    if (!it || typeof it !== 'object') throw bad('each inbound item must be an object');
    const from = digitsOnly(it.from);
    if (from.length < 6) throw bad('from must be a phone number');
    const type = it.type ?? 'text';
    if (!INBOUND_TYPES.includes(type)) throw bad(`unknown type ${type}`);
    const given = toEpochSeconds(it.timestamp);
    if (given === undefined) throw bad('bad timestamp');
    const ts = given ?? nowSeconds();
    const id = it.id ?? wamid(from);
    const msg = { from, id, timestamp: String(ts), type };
    if (it.context) msg.context = it.context;
    if (type === 'text') {
      msg.text = { body: String(it.text?.body ?? it.text ?? '') };
    } else if (MEDIA_TYPES.includes(type)) {
      const spec = it.media ?? {};
      const data = spec.data_base64 != null ? Buffer.from(spec.data_base64, 'base64') : Buffer.from(String(spec.text ?? `${type} bytes`));
      const mime = spec.mime_type ?? { image: 'image/jpeg', audio: 'audio/ogg; codecs=opus', video: 'video/mp4', document: 'application/pdf', sticker: 'image/webp' }[type];
      const media = storeMedia({ data, mime_type: mime, filename: spec.filename ?? null, source: 'inbound' });
      const o = { mime_type: mime, sha256: Buffer.from(media.sha256, 'hex').toString('base64'), id: media.id };
      if (spec.caption != null && ['image', 'video', 'document'].includes(type)) o.caption = String(spec.caption);
      if (type === 'document') o.filename = spec.filename ?? 'document.pdf';
      if (type === 'audio') o.voice = spec.voice !== false;
      if (type === 'sticker') o.animated = Boolean(spec.animated);
      msg[type] = o;
    } else if (type === 'unsupported' || type === 'unknown') {
      msg.errors = [webhookError(131051, 'Message type is currently not supported.')];
      msg.errors[0].title = 'Message type unknown';
      msg.errors[0].message = 'Message type unknown';
    } else {
      if (it[type] === undefined) throw bad(`type ${type} needs a ${type} field`);
      msg[type] = it[type];
    }
    // any message from the user (reactions included) opens or refreshes the 24 h window
    const u = waUser(from);
    if (it.open_window !== false) u.last_inbound = Math.max(u.last_inbound ?? 0, ts);
    if (it.name != null) u.name = String(it.name);
    S.inbound.push(msg);
    const value = {
      messaging_product: 'whatsapp', metadata: waMetadata(),
      contacts: [{ profile: { name: String(it.name ?? S.waUsers.get(from)?.name ?? from) }, wa_id: from }],
      messages: [msg],
    };
    const d = deliver('whatsapp', waEnvelope(value), { field: 'messages' });
    out.push({ message: msg, delivery: d.id });
  }
  return Array.isArray(body) ? out : out[0];
}
function ctlWaUsers(body) {
  const out = [];
  for (const it of asList(body)) {
    const waId = digitsOnly(it?.wa_id);
    if (waId.length < 6) throw bad('wa_id must be a phone number');
    const u = waUser(waId);
    if ('last_inbound' in it) {
      const ts = toEpochSeconds(it.last_inbound);
      if (ts === undefined) throw bad('bad last_inbound');
      u.last_inbound = ts;
    }
    if ('not_on_whatsapp' in it) u.not_on_whatsapp = Boolean(it.not_on_whatsapp);
    if ('name' in it) u.name = it.name;
    out.push({ wa_id: u.wa_id, name: u.name, last_inbound: u.last_inbound, not_on_whatsapp: u.not_on_whatsapp, window_open: waWindowOpen(u) });
  }
  return Array.isArray(body) ? out : out[0];
}
function ctlMsUsers(body) {
  const out = [];
  for (const it of asList(body)) {
    if (it?.psid == null) throw bad('psid is required');
    const u = msUser(String(it.psid));
    if ('last_inbound' in it) {
      const ts = toEpochSeconds(it.last_inbound);
      if (ts === undefined) throw bad('bad last_inbound');
      u.last_inbound = ts;
    }
    if ('unavailable' in it) u.unavailable = Boolean(it.unavailable);
    if ('name' in it) u.name = it.name;
    out.push({ ...u });
  }
  return Array.isArray(body) ? out : out[0];
}
// Inbound Messenger message: {psid, text?, attachments?: [{type, url} | {type, data_base64|text, mime_type}], timestamp?, mid?}
function ctlMsInbound(ctx, body) {
  const out = [];
  for (const it of asList(body)) {
    if (it?.psid == null) throw bad('psid is required');
    const psid = String(it.psid);
    const given = toEpochSeconds(it.timestamp);
    if (given === undefined) throw bad('bad timestamp');
    const ts = given ?? nowSeconds();
    const message = { mid: it.mid ?? messengerMid() };
    if (it.text != null) message.text = String(it.text);
    if (Array.isArray(it.attachments)) {
      message.attachments = it.attachments.map((a) => {
        if (a.url) return { type: a.type ?? 'file', payload: { url: a.url } };
        const data = a.data_base64 != null ? Buffer.from(a.data_base64, 'base64') : Buffer.from(String(a.text ?? 'attachment'));
        const media = storeMedia({ data, mime_type: a.mime_type ?? 'application/octet-stream', filename: a.filename ?? null, source: 'messenger_inbound' });
        return { type: a.type ?? 'file', payload: { url: `${baseUrl(ctx)}/messenger_cdn/${media.id}?sig=${hmacHex('sha256', config.app_secret, Buffer.from(media.id)).slice(0, 16)}` } };
      });
    }
    if (it.quick_reply) message.quick_reply = it.quick_reply;
    if (it.reply_to) message.reply_to = it.reply_to;
    if (message.text === undefined && !message.attachments) throw bad('text or attachments required');
    const u = msUser(psid);
    if (it.open_window !== false) u.last_inbound = Math.max(u.last_inbound ?? 0, ts);
    if (it.name != null) u.name = it.name;
    S.inbound.push({ psid, ...message });
    const d = deliver('messenger', pageEnvelope({ sender: { id: psid }, recipient: { id: opts.pageId }, timestamp: ts * 1000, message }), { field: 'messages' });
    out.push({ message, delivery: d.id });
  }
  return Array.isArray(body) ? out : out[0];
}
function ctlTemplates(body) {
  const out = [];
  for (const it of asList(body)) {
    if (!it || typeof it.name !== 'string' || !/^[a-z0-9_]{1,512}$/.test(it.name)) throw bad('template name must be lowercase letters, digits and _');
    const language = it.language ?? 'en';
    const status = it.status ?? 'APPROVED';
    const category = it.category ?? 'UTILITY';
    if (!TEMPLATE_STATUSES.includes(status)) throw bad(`bad status ${status}`);
    if (!TEMPLATE_CATEGORIES.includes(category)) throw bad(`bad category ${category}`);
    const components = it.components ?? [{ type: 'BODY', text: it.body ?? 'Hello' }];
    if (!Array.isArray(components)) throw bad('components must be a list');
    let t = S.templates.find((x) => x.name === it.name && x.language === language);
    if (!t) { t = { id: it.id ? String(it.id) : graphId() }; S.templates.push(t); }
    Object.assign(t, { name: it.name, language, status, category, components });
    out.push(templateJson(t));
  }
  return Array.isArray(body) ? out : out[0];
}
function ctlTemplateStatus(body) {
  const t = S.templates.find((x) => x.name === body.name && x.language === (body.language ?? 'en'));
  if (!t) throw new CtlError(404, 'no such template');
  const event = body.status ?? body.event;
  if (!TEMPLATE_STATUSES.includes(event) && event !== 'FLAGGED' && event !== 'REINSTATED') throw bad(`bad status ${event}`);
  if (event === 'REINSTATED') t.status = 'APPROVED';
  else if (event !== 'FLAGGED') t.status = event;
  const value = {
    event, message_template_id: Number(t.id), message_template_name: t.name, message_template_language: t.language,
    reason: body.reason ?? (event === 'REJECTED' ? 'INCORRECT_CATEGORY' : 'NONE'), message_template_category: t.category,
  };
  if (body.disable_date) value.disable_info = { disable_date: body.disable_date };
  const payload = { object: 'whatsapp_business_account', entry: [{ id: opts.wabaId, time: nowSeconds(), changes: [{ value, field: 'message_template_status_update' }] }] };
  const d = deliver('whatsapp', payload, { field: 'message_template_status_update' });
  return { template: templateJson(t), delivery: d.id };
}
function deliveryJson(d, withRaw) {
  const o = { id: d.id, channel: d.channel, field: d.field, target: d.target, state: d.state, duplicate: d.duplicate, signature: d.signature, attempts: d.attempts, payload: d.payload };
  if (withRaw) o.raw = d.raw;
  return o;
}
function sentJson(m) {
  const o = { channel: m.channel, id: m.id, to: m.to, type: m.type, status: m.status, statuses: m.statuses, created: m.created, request: m.request };
  if (m.channel === 'whatsapp') Object.assign(o, { template: m.template, window_open: m.window_open, fail_code: m.fail_code });
  else Object.assign(o, { messaging_type: m.messaging_type, tag: m.tag });
  return o;
}
function mediaJson(m) {
  return { id: m.id, mime_type: m.mime_type, sha256: m.sha256, file_size: m.file_size, filename: m.filename, source: m.source, deleted: m.deleted, created: m.created };
}
// Performs Meta's GET verification handshake against a target and reports what came back.
function ctlVerify(body) {
  return new Promise((resolve) => {
    const target = body.target ?? (body.channel === 'messenger' ? config.messenger_target : config.whatsapp_target);
    if (!target) { resolve([400, { error: 'no target' }]); return; }
    const challenge = body.challenge ?? String(Math.floor(Math.random() * 1e9));
    const url = new URL(target);
    url.searchParams.set('hub.mode', body.mode ?? 'subscribe');
    url.searchParams.set('hub.challenge', challenge);
    url.searchParams.set('hub.verify_token', body.verify_token ?? config.verify_token);
    const req = http.request(url, { method: 'GET', timeout: config.webhook_timeout_ms }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        resolve([200, { url: url.toString(), status: res.statusCode, body: text.slice(0, 2000), challenge, verified: res.statusCode === 200 && text === challenge }]);
      });
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', (e) => resolve([200, { url: url.toString(), status: 0, error: e.message, challenge, verified: false }]));
    req.end();
  });
}
function ctlWait(body) {
  const count = Number(body.count ?? 1);
  const timeout = Number(body.timeout_ms ?? 5000);
  const match = (d) => (!body.channel || d.channel === body.channel) && (!body.field || d.field === body.field);
  return new Promise((resolve) => {
    const waiter = {
      abort: () => resolve([408, []]),
      check: () => {
        const list = S.deliveries.filter(match);
        if (list.length >= count && list.every(settled)) {
          clearTimeout(waiter.t);
          resolve([200, list.map((d) => deliveryJson(d, false))]);
          return true;
        }
        return false;
      },
    };
    if (waiter.check()) return;
    waiter.t = setTimeout(() => {
      S.waiters = S.waiters.filter((w) => w !== waiter);
      resolve([408, S.deliveries.filter(match).map((d) => deliveryJson(d, false))]);
    }, timeout);
    S.waiters.push(waiter);
  });
}
function ctlReset() {
  gen++;
  for (const t of timers) clearTimeout(t);
  timers.clear();
  for (const w of S.waiters) { clearTimeout(w.t); w.abort(); }
  S = freshState();
  config = defaultConfig();
  faults = defaultFaults();
  return { ok: true };
}

async function handleControl(req, res, ctx) {
  const raw = await readBody(req);
  const name = ctx.pathname.slice('/_control/'.length).replace(/\/$/, '');
  const method = req.method;
  try {
    let body = {};
    if (method === 'POST' && raw.length) {
      try { body = JSON.parse(raw.toString('utf8')); } catch (e) { throw bad(`JSON parse error: ${e.message}`); }
    }
    if (method === 'POST' && body === null) throw bad('expected a JSON value');
    let r;
    const key = `${method} ${name}`;
    const mediaBytes = /^media\/([^/]+)\/bytes$/.exec(name);
    if (method === 'GET' && mediaBytes) {
      const m = S.media.get(mediaBytes[1]);
      if (!m) throw new CtlError(404, 'no such media');
      res.writeHead(200, { 'Content-Type': m.mime_type, 'Content-Length': m.file_size });
      return res.end(m.data);
    }
    switch (key) {
      case 'POST reset': r = [200, ctlReset()]; break;
      case 'GET config': r = [200, config]; break;
      case 'POST config': r = [200, ctlConfig(body)]; break;
      case 'GET faults': r = [200, faults]; break;
      case 'POST faults': r = [200, ctlFaults(body)]; break;
      case 'POST whatsapp/inbound': r = [200, ctlWaInbound(ctx, body)]; break;
      case 'POST whatsapp/users': r = [200, ctlWaUsers(body)]; break;
      case 'GET whatsapp/users': r = [200, [...S.waUsers.values()].map((u) => ({ ...u, window_open: waWindowOpen(u) }))]; break;
      case 'POST messenger/inbound': r = [200, ctlMsInbound(ctx, body)]; break;
      case 'POST messenger/users': r = [200, ctlMsUsers(body)]; break;
      case 'POST templates': r = [200, ctlTemplates(body)]; break;
      case 'GET templates': r = [200, S.templates.map(templateJson)]; break;
      case 'POST templates/status': r = [200, ctlTemplateStatus(body)]; break;
      case 'GET sent': r = [200, S.sent.map(sentJson)]; break;
      case 'GET inbound': r = [200, S.inbound]; break;
      case 'GET requests': r = [200, S.requests]; S.requests = []; break;
      case 'GET media': r = [200, [...S.media.values()].map(mediaJson)]; break;
      case 'GET webhooks': r = [200, S.deliveries.filter((d) => (!ctx.query.get('channel') || d.channel === ctx.query.get('channel'))).map((d) => deliveryJson(d, ctx.query.get('raw') === '1'))]; break;
      case 'POST webhooks/wait': r = await ctlWait(body); break;
      case 'POST verify': r = await ctlVerify(body); break;
      case 'POST statuses': {
        // emit one status now: {id, status} (manual control, e.g. a late "delivered" after "read")
        const m = S.sentById.get(body.id);
        if (!m) throw new CtlError(404, 'no such message');
        if (m.channel !== 'whatsapp' || !['sent', 'delivered', 'read', 'failed'].includes(body.status)) throw bad('whatsapp message and status sent|delivered|read|failed expected');
        if (body.status === 'failed') m.fail_code = body.code ?? m.fail_code ?? 131026;
        emitWaStatus(m, body.status);
        r = [200, sentJson(m)];
        break;
      }
      default: throw new CtlError(404, `no control endpoint ${key}`);
    }
    return sendJson(res, r[0], r[1]);
  } catch (e) {
    if (e instanceof CtlError) return sendJson(res, e.status, { error: e.message });
    throw e;
  }
}

function serveMessengerCdn(req, res, ctx) {
  const id = ctx.pathname.slice('/messenger_cdn/'.length);
  const m = S.media.get(id);
  const ok = m && ctx.query.get('sig') === hmacHex('sha256', config.app_secret, Buffer.from(id)).slice(0, 16);
  log(req.method, ctx.pathname, ok ? 200 : 404);
  if (!ok) { res.writeHead(404, { 'Content-Length': 0 }); return res.end(); }
  res.writeHead(200, { 'Content-Type': m.mime_type, 'Content-Length': m.file_size });
  res.end(m.data);
}

// ------------------------------------------------------------------------------------------------
const server = http.createServer(async (req, res) => {
  let url;
  try {
    url = new URL(req.url, 'http://localhost');
  } catch {
    return sendJson(res, 400, { error: 'bad request URL' });
  }
  const ctx = { req, pathname: url.pathname, query: url.searchParams, host: req.headers.host || `${opts.host}:${server.address().port}` };
  try {
    if (ctx.pathname.startsWith('/_control/')) return await handleControl(req, res, ctx);
    if (ctx.pathname === '/whatsapp_business/attachments/') return serveMediaDownload(req, res, ctx);
    if (ctx.pathname.startsWith('/messenger_cdn/')) return serveMessengerCdn(req, res, ctx);
    return await handleGraph(req, res, ctx);
  } catch (e) {
    if (e instanceof GraphError) {
      if (!res.headersSent && !res.destroyed) sendJson(res, e.http, e.body());
      return undefined;
    }
    process.stderr.write(`meta-emulator: internal error: ${e && e.stack || e}\n`);
    if (!res.headersSent && !res.destroyed) sendJson(res, 500, new GraphError(500, 1, 'An unknown error occurred').body());
    return undefined;
  }
});
server.keepAliveTimeout = 5000;
server.on('clientError', (err, socket) => {
  try { socket.end('HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n'); } catch { /* ignore */ }
});
server.on('error', (e) => fatal(`server error: ${e.message}`));
process.on('uncaughtException', (e) => process.stderr.write(`meta-emulator: uncaught: ${e && e.stack || e}\n`));

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
