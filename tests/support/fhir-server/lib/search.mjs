// Searches and history, served from the store's index instead of Medplum's memory search, which
// has no paging links, ignores _include/_revinclude, matches unknown parameters silently to
// nothing, and sorts every match by evaluating FHIRPath in each comparison (seconds per page at
// 100,000 resources, again for every page).
import { randomUUID } from 'node:crypto';
import { evalFhirPath, getSearchParameter, matchesSearchRequest, parseSearchRequest } from '@medplum/core';
import { FhirError } from './outcome.mjs';
import { localReference, referenceReader } from './store.mjs';

// Parameters this module interprets itself; anything else goes to Medplum's matcher.
const RESULT_PARAMS = new Set(['_count', '_offset', '_sort', '_total', '_elements', '_summary', '_include', '_revinclude', '_format', '_pretty']);
const MODIFIERS = new Set(['missing', 'exact', 'contains', 'text', 'not', 'above', 'below', 'in', 'not-in', 'of-type', 'identifier']);
const SUBSETTED = { system: 'http://terminology.hl7.org/CodeSystem/v3-ObservationValue', code: 'SUBSETTED' };
const bad = (diagnostics, code = 'invalid') => new FhirError(400, code, diagnostics);
const notSupported = (diagnostics) => new FhirError(400, 'not-supported', diagnostics);
const lastUpdatedMs = (r) => Date.parse(r.meta.lastUpdated);

// ---- dates -------------------------------------------------------------------------------------

const DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?(Z|[+-]\d{2}:\d{2})?)?)?)?$/;

/**
 * The instants a FHIR date/dateTime/instant stands for, as [start, end) in ms: "2026" is the whole
 * year, "2026-03-01T10:00:00Z" one second, "…:00.123Z" one millisecond. No zone means UTC.
 */
export function dateRange(text) {
  const m = DATE.exec(text);
  if (!m) throw bad(`"${text}" is not a FHIR date, dateTime or instant`);
  const [, y, mo, d, h, mi, s, frac, zone] = m;
  const year = Number(y);
  const month = mo ? Number(mo) - 1 : 0;
  const day = d ? Number(d) : 1;
  if (month > 11 || day < 1 || day > 31 || Number(h ?? 0) > 23 || Number(mi ?? 0) > 59 || Number(s ?? 0) > 59)
    throw bad(`"${text}" is not a valid date`);
  if (!mo) return [Date.UTC(year, 0, 1), Date.UTC(year + 1, 0, 1)];
  if (!d) return [Date.UTC(year, month, 1), Date.UTC(year, month + 1, 1)];
  if (!h) return [Date.UTC(year, month, day), Date.UTC(year, month, day + 1)];
  let offset = 0;
  if (zone && zone !== 'Z') offset = (zone[0] === '-' ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4))) * 60_000;
  const ms = frac ? Number((frac + '00').slice(0, 3)) : 0;
  const start = Date.UTC(year, month, day, Number(h), Number(mi), Number(s ?? 0), ms) - offset;
  const unit = !s ? 60_000 : !frac ? 1000 : frac.length >= 3 ? 1 : 10 ** (3 - frac.length);
  return [start, start + unit];
}

/** First index in @p list (sorted by key) whose key is >= @p value. */
function lowerBound(list, value, key) {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (key(list[mid]) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** [from, to) of @p list (in lastUpdated order) that @p conditions ("ge2026-01-01", …) all select. */
function lastUpdatedSlice(list, conditions) {
  let from = 0;
  let to = list.length;
  const excluded = [];
  for (const condition of conditions) {
    if (condition.includes(',')) throw notSupported('_lastUpdated with several values (OR) is not supported');
    const prefix = /^[a-z]{2}/.test(condition) ? condition.slice(0, 2) : 'eq';
    const [start, end] = dateRange(prefix === 'eq' && !condition.startsWith('eq') ? condition : condition.slice(2));
    const at = (ms) => lowerBound(list, ms, lastUpdatedMs);
    switch (prefix) {
      case 'eq': from = Math.max(from, at(start)); to = Math.min(to, at(end)); break;
      case 'ne': excluded.push([start, end]); break;
      case 'gt': case 'sa': from = Math.max(from, at(end)); break;
      case 'ge': from = Math.max(from, at(start)); break;
      case 'lt': case 'eb': to = Math.min(to, at(start)); break;
      case 'le': to = Math.min(to, at(end)); break;
      default: throw notSupported(`_lastUpdated prefix "${prefix}" is not supported`);
    }
  }
  return { from, to: Math.max(from, to), excluded };
}

// ---- the searcher ------------------------------------------------------------------------------

export class Searcher {
  /**
   * @param store the Store
   * @param options.maxCount largest _count served; larger ones are capped
   * @param options.defaultCount page size without _count (HAPI: 20)
   * @param options.paging "offset" (next links repeat the search with _offset) or "snapshot"
   *        (HAPI's: the first page freezes the matching ids; next links are ?_getpages=<id>)
   * @param options.historyOrder "oldest" or "newest" first in _history bundles
   */
  constructor(store, { maxCount = 1000, defaultCount = 20, paging = 'offset', historyOrder = 'oldest' } = {}) {
    this.store = store;
    this.maxCount = maxCount;
    this.defaultCount = defaultCount;
    this.paging = paging;
    this.historyOrder = historyOrder;
    this.cache = new Map(); // filtered/sorted result lists, most recently used last
    this.snapshots = new Map(); // _getpages id -> { type, ids, params, expires }
  }

  reset() {
    this.cache.clear();
    this.snapshots.clear();
  }

  count(params, fallback = this.defaultCount) {
    const text = params.get('_count');
    if (text === null) return Math.min(fallback, this.maxCount);
    if (!/^\d+$/.test(text)) throw bad(`_count must be a non-negative integer, not "${text}"`);
    return Math.min(Number(text), this.maxCount);
  }

  offset(params, name = '_offset') {
    const text = params.get(name);
    if (text === null) return 0;
    if (!/^\d+$/.test(text)) throw bad(`${name} must be a non-negative integer, not "${text}"`);
    return Number(text);
  }

  /** GET [base]/Type?params (and POST [base]/Type/_search). */
  search(base, type, params) {
    const count = this.count(params);
    const offset = this.offset(params);
    const shape = this.#shape(type, params);
    const matches = this.#matches(type, params);
    const self = `${base}${type}${params.size ? '?' + params : ''}`;
    const links = [{ relation: 'self', url: self }];
    if (shape.summaryCount) return ok(this.#bundle(links, [], matches.length));

    const page = matches.slice(offset, offset + count);
    if (count > 0 && offset + count < matches.length) { // _count=0: no page to go to
      if (this.paging === 'snapshot') {
        const id = this.#snapshot(type, matches, params);
        links.push({ relation: 'next', url: `${base}?_getpages=${id}&_getpagesoffset=${offset + count}&_count=${count}&_bundletype=searchset` });
      } else {
        const next = new URLSearchParams(params);
        next.set('_offset', String(offset + count));
        next.set('_count', String(count));
        links.push({ relation: 'next', url: `${base}${type}?${next}` });
      }
    }
    if (offset > 0 && this.paging === 'offset') {
      const previous = new URLSearchParams(params);
      previous.set('_offset', String(Math.max(0, offset - count)));
      previous.set('_count', String(count));
      links.push({ relation: 'previous', url: `${base}${type}?${previous}` });
    }
    return ok(this.#bundle(links, this.#entries(base, type, page, shape), shape.total ? matches.length : undefined));
  }

  /** GET [base]?_getpages=<id>&_getpagesoffset=N&_count=N: a later page of a snapshot search. */
  getPages(base, params) {
    const id = params.get('_getpages');
    const snapshot = this.snapshots.get(id);
    if (!snapshot || snapshot.expires < Date.now())
      throw new FhirError(410, 'processing', `Search id "${id}" does not exist and may have expired`);
    const count = this.count(params);
    const offset = this.offset(params, '_getpagesoffset');
    const { type, ids } = snapshot;
    // Current versions of the frozen ids; deleted ones drop out, so a page can come up short.
    const page = ids.slice(offset, offset + count).map((i) => this.store.get(type, i)).filter(Boolean);
    const links = [{ relation: 'self', url: `${base}?${params}` }];
    const link = (relation, at) => links.push({ relation, url: `${base}?_getpages=${id}&_getpagesoffset=${at}&_count=${count}&_bundletype=searchset` });
    if (count > 0 && offset + count < ids.length) link('next', offset + count);
    if (offset > 0) link('previous', Math.max(0, offset - count));
    const shape = this.#shape(type, snapshot.params);
    return ok(this.#bundle(links, this.#entries(base, type, page, shape), shape.total ? ids.length : undefined));
  }

  #snapshot(type, matches, params) {
    const now = Date.now();
    for (const [key, s] of this.snapshots) if (s.expires < now || this.snapshots.size > 50) this.snapshots.delete(key);
    const id = randomUUID();
    this.snapshots.set(id, { type, ids: matches.map((r) => r.id), params: new URLSearchParams(params), expires: now + 3600_000 });
    return id;
  }

  #bundle(link, entry, total) {
    const bundle = { resourceType: 'Bundle', id: randomUUID(), meta: { lastUpdated: new Date(this.store.now()).toISOString() }, type: 'searchset' };
    if (total !== undefined) bundle.total = total;
    bundle.link = link;
    bundle.entry = entry;
    return bundle;
  }

  /** How results are shown: _elements, _summary, _total, _include, _revinclude (validated). */
  #shape(type, params) {
    const summary = params.get('_summary');
    if (summary !== null && summary !== 'count' && summary !== 'false')
      throw notSupported(`_summary=${summary} is not supported (only count and false)`);
    const total = params.get('_total') ?? 'accurate';
    if (!['none', 'estimate', 'accurate'].includes(total)) throw bad(`_total must be none, estimate or accurate, not "${total}"`);
    checkFormat(params);
    const elements = params.get('_elements')?.split(',').map((e) => e.trim()).filter(Boolean);
    const include = params.getAll('_include').map((spec) => this.#includeSpec(spec, '_include', type));
    const revinclude = params.getAll('_revinclude').map((spec) => this.#includeSpec(spec, '_revinclude', type));
    return { summaryCount: summary === 'count', total: total !== 'none', elements, include, revinclude };
  }

  /** "PractitionerRole:location[:Location]" → { source, code, target, reader }. */
  #includeSpec(spec, kind, type) {
    const [source, code, target, extra] = spec.split(':');
    if (!source || !code || extra !== undefined || spec.includes('*'))
      throw bad(`${kind}=${spec}: expected SourceType:parameter[:TargetType]`);
    const reader = referenceReader(source, code);
    if (!reader) throw bad(`${kind}=${spec}: "${code}" is not a reference search parameter of ${source}`);
    if (kind === '_include' && source !== type)
      throw bad(`_include=${spec}: a search of ${type} can only include from ${type} (no :iterate here)`);
    if (kind === '_revinclude' && (target ?? type) !== type)
      throw bad(`_revinclude=${spec}: targets ${target}, not the searched ${type}`);
    if (kind === '_revinclude' && reader.targets.length && !reader.targets.includes(type))
      throw bad(`_revinclude=${spec}: ${source}.${code} cannot refer to ${type}`);
    return { source, code, target, reader };
  }

  #entries(base, type, page, shape) {
    const entries = [];
    const seen = new Set();
    for (const r of page) {
      seen.add(`${type}/${r.id}`);
      entries.push({ fullUrl: `${base}${type}/${r.id}`, resource: shape.elements ? subset(r, shape.elements) : r, search: { mode: 'match' } });
    }
    const include = (reference) => {
      if (seen.has(reference)) return;
      const [t, id] = reference.split('/');
      const resource = this.store.get(t, id);
      if (!resource) return; // dangling, or deleted
      seen.add(reference);
      entries.push({ fullUrl: `${base}${reference}`, resource, search: { mode: 'include' } });
    };
    for (const { reader, target } of shape.include)
      for (const r of page)
        for (const reference of reader(r)) if (!target || reference.startsWith(target + '/')) include(reference);
    for (const { source, code, reader } of shape.revinclude) {
      // Target "Type/id" -> referring resources' references, built once per version of the source type.
      const index = this.store.derived(source, `revinclude:${code}`, () => {
        const map = new Map();
        for (const s of this.store.list(source))
          for (const reference of reader(s)) {
            if (!map.has(reference)) map.set(reference, []);
            map.get(reference).push(`${source}/${s.id}`);
          }
        return map;
      });
      for (const r of page) for (const reference of index.get(`${type}/${r.id}`) ?? []) include(reference);
    }
    return entries;
  }

  /** Every match of the search, in result order. */
  #matches(type, params) {
    const filters = [];
    for (const key of new Set(params.keys())) if (!RESULT_PARAMS.has(key)) filters.push(key);
    const sort = this.#sort(params.get('_sort'));
    const list = this.store.list(type);
    const { from, to, excluded } = lastUpdatedSlice(list, params.getAll('_lastUpdated'));
    const others = filters.filter((k) => k !== '_lastUpdated');
    if (others.length === 0 && excluded.length === 0 && sort.indexed) return list.slice(from, to);

    // Anything else: computed once, cached until the type changes (paging is then a slice).
    const key = `${type}\n${this.store.state(type).generation}\n${sort.key}\n${filters.map((k) => `${k}=${params.getAll(k).join('&')}`).sort().join('\n')}`;
    let result = this.cache.get(key);
    if (result) {
      this.cache.delete(key); // most recently used last
    } else {
      const match = this.#matcher(type, params, others);
      result = list.slice(from, to).filter((r) => {
        if (excluded.some(([s, e]) => lastUpdatedMs(r) >= s && lastUpdatedMs(r) < e)) return false;
        return match(r);
      });
      if (!sort.indexed) result.sort(sort.compare);
    }
    this.cache.set(key, result);
    if (this.cache.size > 16) this.cache.delete(this.cache.keys().next().value);
    return result;
  }

  /**
   * _sort over _lastUpdated and _id, e.g. "-_lastUpdated,_id"; the last tie-break is _id.
   * { key, indexed: true when the index order (lastUpdated, id ascending) is the answer, compare }.
   */
  #sort(text) {
    if (text === null) return { key: '', indexed: true }; // the index order (HAPI's default: insertion)
    const keys = text.split(',').map((k) => k.trim());
    for (const k of keys)
      if (!['_lastUpdated', '-_lastUpdated', '_id', '-_id'].includes(k))
        throw notSupported(`_sort=${k}: this test server sorts by _lastUpdated and _id only`);
    if (keys[0] === '_lastUpdated' && (keys.length === 1 || keys[1] === '_id')) return { key: text, indexed: true };
    const rules = [...keys, '_id'].map((k) => ({ field: k.replace(/^-?_/, ''), sign: k.startsWith('-') ? -1 : 1 }));
    const compare = (a, b) => {
      for (const { field, sign } of rules) {
        const x = field === 'id' ? a.id : a.meta.lastUpdated;
        const y = field === 'id' ? b.id : b.meta.lastUpdated;
        if (x !== y) return (x < y ? -1 : 1) * sign;
      }
      return 0;
    };
    return { key: text, indexed: false, compare };
  }

  /** A predicate for the search parameters besides _lastUpdated; 400 for unknown ones. */
  #matcher(type, params, keys) {
    const tests = [];
    const medplum = new URLSearchParams();
    for (const key of keys) {
      const [code, modifier, ...rest] = key.split(':');
      if (code.includes('.') || code.startsWith('_has'))
        throw notSupported(`${key}: chained and reverse-chained parameters are not supported`);
      if (rest.length || (modifier !== undefined && !MODIFIERS.has(modifier)))
        throw bad(`${key}: unknown modifier "${key.slice(code.length + 1)}"`);
      const param = getSearchParameter(type, code);
      if (!param) throw bad(`Unknown search parameter "${code}" for resource type "${type}"`, 'not-supported');
      for (const value of params.getAll(key)) {
        const values = value.split(',');
        if (code === '_id' && !modifier) {
          const ids = new Set(values);
          tests.push((r) => ids.has(r.id));
        } else if (param.type === 'uri' && !modifier) {
          // FHIR: a uri parameter matches exactly (Medplum: case-insensitive substring).
          const expression = param.expression.split('|').map((e) => e.trim()).find((e) => e.startsWith(type + '.')) ?? param.expression;
          tests.push((r) => evalFhirPath(expression, r).some((v) => values.includes(v)));
        } else if (param.type === 'reference' && !modifier) {
          // FHIR: "123" matches any type's /123 (Medplum: only the exact string "Type/123").
          const reader = referenceReader(type, code);
          const wanted = values.map((v) => (v.includes('/') ? localReference(v) : v));
          tests.push((r) => reader(r).some((ref) => wanted.some((w) => ref === w || ref.endsWith('/' + w))));
        } else {
          medplum.append(key, value);
        }
      }
    }
    if (medplum.size) {
      let request;
      try {
        request = parseSearchRequest(`${type}?${medplum}`);
      } catch (e) {
        throw bad(e.message);
      }
      tests.push((r) => matchesSearchRequest(r, request));
    }
    return (r) => tests.every((t) => t(r));
  }

  // ---- history ---------------------------------------------------------------------------------

  /** GET [base]/Type/_history and GET [base]/Type/id/_history. */
  history(base, type, params, id) {
    for (const key of params.keys())
      if (!['_since', '_count', '_offset', '_format', '_pretty'].includes(key))
        throw notSupported(`${key} is not supported in _history (only _since, _count, _offset)`);
    checkFormat(params);
    const count = this.count(params, 100);
    const offset = this.offset(params);
    const log = this.store.state(type).log; // oldest first: stamps never decrease
    const since = params.get('_since');
    let versions = since === null ? log : log.slice(lowerBound(log, dateRange(since)[0], (e) => e.ms));
    if (id !== undefined) {
      versions = versions.filter((e) => e.id === id);
      if (versions.length === 0 && !this.store.get(type, id) && !this.store.isDeleted(type, id))
        throw new FhirError(404, 'not-found', `${type}/${id} is not known`);
    }
    const ordered = this.historyOrder === 'newest' ? versions.slice().reverse() : versions;
    const entry = ordered.slice(offset, offset + count).map((e) => historyEntry(base, type, e));
    const path = id === undefined ? `${type}/_history` : `${type}/${id}/_history`;
    const link = [{ relation: 'self', url: `${base}${path}${params.size ? '?' + params : ''}` }];
    if (count > 0 && offset + count < ordered.length) {
      const next = new URLSearchParams(params);
      next.set('_offset', String(offset + count));
      next.set('_count', String(count));
      link.push({ relation: 'next', url: `${base}${path}?${next}` });
    }
    const bundle = this.#bundle(link, entry, ordered.length);
    bundle.type = 'history';
    return ok(bundle);
  }
}

function historyEntry(base, type, e) {
  const response = { etag: `W/"${e.versionId}"`, lastModified: e.at };
  if (e.method === 'DELETE')
    return { fullUrl: `${base}${type}/${e.id}`, request: { method: 'DELETE', url: `${type}/${e.id}` }, response: { status: '204 No Content', ...response } };
  return {
    fullUrl: `${base}${type}/${e.id}`,
    resource: e.resource,
    request: { method: e.method, url: e.method === 'POST' ? type : `${type}/${e.id}` },
    response: { status: e.method === 'POST' ? '201 Created' : '200 OK', ...response },
  };
}

/** _format: JSON only (406 otherwise, as HAPI answers an unsupported format). */
export function checkFormat(params) {
  const format = params.get('_format');
  if (format !== null && !/^(json|application\/(fhir\+)?json)$/.test(format))
    throw new FhirError(406, 'not-supported', `_format=${format}: this server speaks JSON only`);
}

/** _elements: the named top-level elements, plus resourceType, id and meta tagged SUBSETTED. */
function subset(resource, elements) {
  const result = { resourceType: resource.resourceType, id: resource.id, meta: { ...resource.meta, tag: [...(resource.meta?.tag ?? []), SUBSETTED] } };
  for (const e of elements) if (e in resource && !(e in result)) result[e] = resource[e];
  return result;
}

const ok = (body) => ({ status: 200, body });
