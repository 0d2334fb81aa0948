// Small helpers for the Meta emulator: ids, signatures, multipart parsing, Graph cursors.
import { createHash, createHmac, randomBytes } from 'node:crypto';

// Graph object ids are decimal strings (15–17 digits). Monotonic so listings have a stable order.
let idCounter = BigInt(Date.now()) * 1000n;
export function graphId() {
  idCounter += 1n + BigInt(randomBytes(1)[0]);
  return String(idCounter).slice(-16);
}

// wamids are "wamid." + standard base64 (with + / and = padding — real ones end in "=" too).
export function wamid(to) {
  const inner = Buffer.concat([Buffer.from([0x18, String(to).length]), Buffer.from(String(to)), randomBytes(18)]);
  return `wamid.HBg${inner.toString('base64')}`;
}

// Messenger message ids: "m_" + url-safe random text.
export const messengerMid = () => `m_${randomBytes(48).toString('base64url')}`;

// fbtrace_id: 11 characters of base64, as in Graph error bodies.
export const fbtraceId = () => randomBytes(8).toString('base64').replace(/=+$/, '').slice(0, 11);

export const sha256Hex = (buf) => createHash('sha256').update(buf).digest('hex');
export const hmacHex = (algo, secret, buf) => createHmac(algo, secret).update(buf).digest('hex');

// Graph cursors are opaque base64 strings; ours encode the list position.
export const encodeCursor = (n) => Buffer.from(`pos:${n}`).toString('base64url');
export function decodeCursor(s) {
  try {
    const m = /^pos:(\d+)$/.exec(Buffer.from(String(s), 'base64url').toString('utf8'));
    return m ? Number(m[1]) : null;
  } catch {
    return null;
  }
}

// Minimal multipart/form-data parser: returns [{name, filename, contentType, data}] or null.
export function parseMultipart(buf, contentType) {
  const m = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType || '');
  if (!m) return null;
  const delimiter = Buffer.from(`--${(m[1] || m[2]).trim()}`);
  const parts = [];
  let pos = buf.indexOf(delimiter);
  if (pos < 0) return null;
  for (;;) {
    pos += delimiter.length;
    if (buf[pos] === 0x2d && buf[pos + 1] === 0x2d) break;
    if (buf[pos] === 0x0d && buf[pos + 1] === 0x0a) pos += 2;
    const headerEnd = buf.indexOf('\r\n\r\n', pos);
    if (headerEnd < 0) return null;
    const next = buf.indexOf(delimiter, headerEnd + 4);
    if (next < 0) return null;
    let end = next;
    if (buf[end - 2] === 0x0d && buf[end - 1] === 0x0a) end -= 2;
    const headers = {};
    for (const line of buf.subarray(pos, headerEnd).toString('utf8').split('\r\n')) {
      const i = line.indexOf(':');
      if (i > 0) headers[line.slice(0, i).trim().toLowerCase()] = line.slice(i + 1).trim();
    }
    const disposition = headers['content-disposition'] || '';
    parts.push({
      name: /\bname="([^"]*)"/i.exec(disposition)?.[1],
      filename: /\bfilename="([^"]*)"/i.exec(disposition)?.[1],
      contentType: headers['content-type'],
      data: buf.subarray(headerEnd + 4, end),
    });
    pos = next;
  }
  return parts;
}

// Seconds since the epoch from a number (seconds), an ISO string, or null/undefined (=> null).
export function toEpochSeconds(v) {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number' && Number.isFinite(v)) return Math.floor(v);
  if (typeof v === 'string' && /^\d+$/.test(v)) return Number(v);
  const ms = Date.parse(String(v));
  return Number.isNaN(ms) ? undefined : Math.floor(ms / 1000);
}

export const nowSeconds = () => Math.floor(Date.now() / 1000);
export const digitsOnly = (s) => String(s ?? '').replace(/\D/g, '');

// JSON as Meta's webhook sender writes it: every non-ASCII UTF-16 unit escaped as \uXXXX with
// lowercase hex ("äöå" => "\u00e4\u00f6\u00e5"). The signature is computed over exactly these bytes.
export function metaJson(value) {
  return JSON.stringify(value).replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
