// Small helpers for the RapidPro emulator: clock, date formatting/parsing, URNs, PRNG, multipart.
import { randomUUID } from 'node:crypto';

// ---------------------------------------------------------------------------------------------
// Clock: microsecond timestamps (Number is exact up to 2^53 ~ year 2255 in µs), strictly increasing
// so that every mutation gets a distinct modified_on (ties are still handled by (ts, id) keysets).
let lastMicros = 0;
export function nowMicros() {
  const t = Date.now() * 1000;
  lastMicros = t > lastMicros ? t : lastMicros + 1;
  return lastMicros;
}

// RapidPro v2 format: YYYY-MM-DDThh:mm:ss.ffffffZ
export function formatMicros(us) {
  if (us === null || us === undefined) return null;
  const ms = Math.floor(us / 1000);
  const base = new Date(ms).toISOString().slice(0, 19);
  const frac = String(((us % 1_000_000) + 1_000_000) % 1_000_000).padStart(6, '0');
  return `${base}.${frac}Z`;
}

const ISO_RE =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?\s*(Z|z|[+-]\d{2}(?::?\d{2})?)?$/;

// Mirrors iso8601.parse_date: returns µs since epoch or null when unparseable. Naive values are UTC.
export function parseIsoMicros(s) {
  if (typeof s !== 'string') return null;
  const m = ISO_RE.exec(s.trim());
  if (!m) return null;
  const [, Y, Mo, D, h = '0', mi = '0', sec = '0', frac = '', tz] = m;
  const ms = Date.UTC(+Y, +Mo - 1, +D, +h, +mi, +sec);
  if (Number.isNaN(ms)) return null;
  if (+Mo < 1 || +Mo > 12 || +D < 1 || +D > 31 || +h > 23 || +mi > 59 || +sec > 60) return null;
  let us = ms * 1000 + Number((frac + '000000').slice(0, 6));
  if (tz && tz !== 'Z' && tz !== 'z') {
    const sign = tz[0] === '-' ? -1 : 1;
    const digits = tz.slice(1).replace(':', '');
    const offMin = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4) || '0');
    us -= sign * offMin * 60 * 1_000_000;
  }
  return us;
}

export const uuid4 = () => randomUUID();

// UUIDv7 like current RapidPro message/broadcast UUIDs (time ordered).
export function uuid7() {
  const ms = BigInt(Date.now());
  const hex = ms.toString(16).padStart(12, '0');
  const r = randomUUID().replace(/-/g, '');
  const v = `${hex}7${r.slice(13, 16)}${((parseInt(r[16], 16) & 0x3) | 0x8).toString(16)}${r.slice(17, 32)}`;
  return `${v.slice(0, 8)}-${v.slice(8, 12)}-${v.slice(12, 16)}-${v.slice(16, 20)}-${v.slice(20, 32)}`;
}

export const UUID_RE = /^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i;

// ---------------------------------------------------------------------------------------------
// URN normalisation, modelled on temba URN.normalize (tel -> E.164 with '+', whatsapp -> digits only).
export class UrnError extends Error {}

export function normalizeUrn(raw, { countryCode = '231' } = {}) {
  if (typeof raw !== 'string' && typeof raw !== 'number') throw new UrnError(String(raw));
  const value = String(raw).trim();
  const idx = value.indexOf(':');
  if (idx <= 0) throw new UrnError(value);
  const scheme = value.slice(0, idx).toLowerCase();
  let path = value.slice(idx + 1).trim();
  if (!/^[a-z][a-z0-9]*$/.test(scheme) || !path) throw new UrnError(value);
  // drop any ?query / #display part
  path = path.replace(/[?#].*$/, '');
  switch (scheme) {
    case 'tel': {
      let p = path.replace(/[\s\-().\/]/g, '');
      if (p.startsWith('00')) p = '+' + p.slice(2);
      if (!p.startsWith('+')) {
        if (/^0\d{6,14}$/.test(p) && countryCode) p = '+' + countryCode + p.slice(1);
        else if (/^\d{10,15}$/.test(p)) p = '+' + p;
      }
      if (!/^\+[1-9]\d{6,14}$/.test(p)) throw new UrnError(value);
      return `tel:${p}`;
    }
    case 'whatsapp': {
      const p = path.replace(/[\s\-+().]/g, '');
      if (!/^\d{6,15}$/.test(p)) throw new UrnError(value);
      return `whatsapp:${p}`;
    }
    case 'mailto':
    case 'twitter':
      return `${scheme}:${path.toLowerCase()}`;
    default:
      return `${scheme}:${path}`;
  }
}

// ---------------------------------------------------------------------------------------------
// Deterministic PRNG (mulberry32)
export function makePrng(seed) {
  let a = (Number(seed) >>> 0) || 0x9e3779b9;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// ---------------------------------------------------------------------------------------------
// Minimal multipart/form-data parser (enough for a `file` field upload).
export function parseMultipart(buf, contentType) {
  const m = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType || '');
  if (!m) return null;
  const boundary = Buffer.from('--' + (m[1] || m[2]).trim());
  const parts = [];
  let pos = buf.indexOf(boundary);
  if (pos < 0) return null;
  while (true) {
    pos += boundary.length;
    if (buf[pos] === 0x2d && buf[pos + 1] === 0x2d) break; // closing "--"
    if (buf[pos] === 0x0d && buf[pos + 1] === 0x0a) pos += 2;
    const headerEnd = buf.indexOf('\r\n\r\n', pos);
    if (headerEnd < 0) break;
    const headerText = buf.subarray(pos, headerEnd).toString('utf8');
    const next = buf.indexOf(boundary, headerEnd + 4);
    if (next < 0) break;
    let end = next;
    if (buf[end - 2] === 0x0d && buf[end - 1] === 0x0a) end -= 2;
    const headers = {};
    for (const line of headerText.split('\r\n')) {
      const i = line.indexOf(':');
      if (i > 0) headers[line.slice(0, i).trim().toLowerCase()] = line.slice(i + 1).trim();
    }
    const disp = headers['content-disposition'] || '';
    const name = /\bname="([^"]*)"/i.exec(disp)?.[1];
    const filename = /\bfilename="([^"]*)"/i.exec(disp)?.[1];
    parts.push({ name, filename, contentType: headers['content-type'], data: buf.subarray(headerEnd + 4, end) });
    pos = next;
  }
  return parts;
}
