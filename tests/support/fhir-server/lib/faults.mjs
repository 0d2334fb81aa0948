// Fault injection: POST /$test/faults {"faults":[{"match","skip","times","kind"}]}.
//
// A fault applies to requests whose path and query (as sent, or percent-decoded) contain `match`:
// the first `skip` of them pass, the next `times` get the fault. Faults are checked in order; the
// first one that applies wins.
import { operationOutcome } from './outcome.mjs';

export const KINDS = ['500', '503', '429', 'malformed', 'hostile', 'timeout', 'drop', 'loop-next'];

export class Faults {
  constructor() {
    this.list = [];
    this.hanging = new Set(); // responses of "timeout" faults, ended on shutdown
  }

  /** Replaces the faults; throws a message on a bad description. */
  set(descriptions) {
    if (!Array.isArray(descriptions)) throw new Error('"faults" must be an array');
    this.list = descriptions.map((d, i) => {
      const fault = { match: '', skip: 0, times: 1, ...d, seen: 0, applied: 0 };
      if (!KINDS.includes(String(fault.kind))) throw new Error(`faults[${i}].kind must be one of ${KINDS.join(', ')}`);
      if (typeof fault.match !== 'string') throw new Error(`faults[${i}].match must be a string`);
      for (const n of ['skip', 'times'])
        if (!Number.isInteger(fault[n]) || fault[n] < 0) throw new Error(`faults[${i}].${n} must be a non-negative integer`);
      fault.kind = String(fault.kind);
      return fault;
    });
  }

  clear() {
    this.list = [];
  }

  describe() {
    return this.list.map(({ match, skip, times, kind, seen, applied }) => ({ match, skip, times, kind, seen, applied }));
  }

  /** The fault for a request to @p url (path and query), counting it; undefined if none. */
  take(url) {
    let decoded = url;
    try {
      decoded = decodeURIComponent(url.replaceAll('+', ' '));
    } catch {
      // not decodable: match the raw form only
    }
    for (const f of this.list) {
      if (f.applied >= f.times || !(url.includes(f.match) || decoded.includes(f.match))) continue;
      if (f.seen++ < f.skip) continue;
      f.applied++;
      return f;
    }
    return undefined;
  }

  /** Answers @p res with @p fault. */
  apply(fault, res) {
    const json = { 'Content-Type': 'application/fhir+json; charset=utf-8' };
    const fail = (status, diagnostics, headers = {}) => {
      res.writeHead(status, { ...json, ...headers });
      res.end(JSON.stringify(operationOutcome(status === 429 ? 'throttled' : 'transient', diagnostics)));
    };
    switch (fault.kind) {
      case '500':
        return fail(500, 'Injected fault: internal server error');
      case '503':
        return fail(503, 'Injected fault: service unavailable');
      case '429':
        return fail(429, 'Injected fault: too many requests', { 'Retry-After': '1' });
      case 'malformed':
        // A 200 whose body stops in the middle of a Bundle (Content-Length is right: the JSON is not).
        res.writeHead(200, json);
        return res.end('{"resourceType":"Bundle","type":"searchset","total":3,"entry":[{"fullUrl":"x","resource":{"resourceType":"Practi');
      case 'hostile':
        res.writeHead(200, json);
        return res.end(hostileBundle(fault));
      case 'timeout':
        // Accepted, never answered; the socket stays open until the client gives up.
        this.hanging.add(res);
        res.on('close', () => this.hanging.delete(res));
        return undefined;
      case 'drop': {
        // Headers and the start of a body, then the connection is cut.
        res.writeHead(200, { ...json, 'Content-Length': '100000' });
        res.write('{"resourceType":"Bundle","type":"searchset","entry":[');
        setTimeout(() => res.socket?.destroy(), 20);
        return undefined;
      }
      default:
        return fail(500, `Unknown fault kind ${fault.kind}`);
    }
  }

  /** Ends hanging responses (at shutdown). */
  release() {
    for (const res of this.hanging) res.socket?.destroy();
    this.hanging.clear();
  }
}

/**
 * Valid JSON, a Bundle, and garbage inside: an entry without a resource, a resource that is a
 * string, one of the wrong type, one without resourceType, `name` as a number, an id with a path
 * in it, a 10 MB family name, and arrays nested `depth` (default 5,000) deep. Nothing valid.
 * Optional fault fields: depth, stringMB.
 */
function hostileBundle({ depth = 5000, stringMB = 10 }) {
  const deep = '['.repeat(depth) + ']'.repeat(depth);
  const big = 'A'.repeat(Math.round(stringMB * 1024 * 1024));
  return (
    '{"resourceType":"Bundle","type":"searchset","total":"many","link":[{"relation":"self"}],"entry":[' +
    [
      '{"fullUrl":"urn:uuid:no-resource"}',
      'null',
      '{"resource":"just a string"}',
      '{"resource":{"resourceType":"Observation","id":"wrong-type","status":"final"}}',
      '{"resource":{"id":"no-type","name":[{"family":"Nobody"}]}}',
      '{"resource":{"resourceType":"Practitioner","id":"hostile-name","name":42,"telecom":"0886000000","active":"yes"}}',
      '{"resource":{"resourceType":"Practitioner","id":"../../etc/passwd","meta":{"lastUpdated":"yesterday"}}}',
      `{"resource":{"resourceType":"Practitioner","id":"hostile-big","name":[{"family":"${big}"}]}}`,
      `{"resource":{"resourceType":"Practitioner","id":"hostile-deep","extension":${deep}}}`,
    ].join(',') +
    ']}'
  );
}
