// The repository: Medplum's MemoryRepository (which Medplum's FHIR router writes through), with
// what a real server keeps besides and Medplum does not:
//
//  - meta.lastUpdated stamped here, in milliseconds, never going backwards, on the clock of the
//    Date header; with --stamps strict, strictly increasing per resource type (+1 ms when two
//    writes land in the same millisecond); and meta.versionId 1, 2, 3… as HAPI numbers versions
//    (Medplum: random UUIDs);
//  - per type, the live resources in write order, which is (lastUpdated, id) order but within a
//    millisecond: the index searches slice and page (Medplum re-sorts all matches per page);
//  - per type, a log of every version and deletion, for type and instance _history (Medplum keeps
//    no record of deletions and has no type-level history);
//  - tombstones, so a deleted resource reads 410 Gone and a second DELETE succeeds, as the FHIR
//    specification asks (Medplum: 404 both times).
import {
  OperationOutcomeError,
  badRequest,
  evalFhirPath,
  getSearchParameter,
  gone,
  notFound,
  preconditionFailed,
  stringify,
} from '@medplum/core';
import { MemoryRepository } from '@medplum/fhir-router';

export class Store extends MemoryRepository {
  /**
   * @param options.stamps "real": meta.lastUpdated is the time of the write, so writes in the same
   *        millisecond tie (as on HAPI); "strict": +1 ms on a tie, so stamps never repeat within a
   *        type, at the price of running ahead of real time under bursts (200,000 writes in 15 s
   *        end ~90 s ahead; the Date header then follows the stamps).
   */
  constructor({ stamps = 'real' } = {}) {
    super();
    this.strict = stamps === 'strict';
    this.types = new Map(); // resourceType -> TypeState
    this.clocks = new Map(); // resourceType -> last stamp (ms); kept across reset()
  }

  /** Empties the repository (POST /$test/reset). Clocks keep running, never backwards. */
  reset() {
    this.clear();
    this.types.clear();
  }

  state(type) {
    let s = this.types.get(type);
    if (!s) {
      s = {
        live: new Map(), // id -> current resource, in write order
        list: null, // [...live.values()], cached until the next write
        deleted: new Map(), // id -> { at, versionId }
        versions: new Map(), // id -> last version number (deletions count, as in HAPI)
        log: [], // { id, method: POST|PUT|DELETE, at, ms, versionId, resource? }, oldest first
        generation: 0, // bumped on every write: invalidates caches built from this type
        derived: new Map(), // caches keyed by the caller (search lists, reverse indexes)
      };
      this.types.set(type, s);
    }
    return s;
  }

  /** The server's clock (Date header): now, or later if strict stamps ran ahead under a burst. */
  now() {
    return Math.max(Date.now(), ...this.clocks.values());
  }

  /** The next meta.lastUpdated of @p type, in ms: never earlier than the last one. */
  stamp(type) {
    const last = this.clocks.get(type) ?? 0;
    const ms = Math.max(Date.now(), this.strict ? last + 1 : last);
    this.clocks.set(type, ms);
    return ms;
  }

  /** Current resources of @p type in (meta.lastUpdated, id) order. Do not modify. */
  list(type) {
    const s = this.state(type);
    if (!s.list) {
      // Write order is lastUpdated order (stamps never go back); only ties need ordering by id.
      const list = [...s.live.values()];
      for (let start = 0; start < list.length; ) {
        let end = start + 1;
        while (end < list.length && list[end].meta.lastUpdated === list[start].meta.lastUpdated) end++;
        if (end - start > 1) {
          const run = list.slice(start, end).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
          for (let i = 0; i < run.length; i++) list[start + i] = run[i];
        }
        start = end;
      }
      s.list = list;
    }
    return s.list;
  }

  get(type, id) {
    return this.types.get(type)?.live.get(id);
  }

  isDeleted(type, id) {
    return this.types.get(type)?.deleted.has(id) ?? false;
  }

  /** A value derived from @p type's resources, rebuilt after writes: build() runs at most once per generation. */
  derived(type, key, build) {
    const s = this.state(type);
    const cached = s.derived.get(key);
    if (cached && cached.generation === s.generation) return cached.value;
    const value = build();
    s.derived.set(key, { generation: s.generation, value });
    return value;
  }

  #written(s) {
    s.generation++;
    s.list = null;
    s.derived.clear();
  }

  // ---- FhirRepository overrides (Medplum's router calls these) ----------------------------------

  // Medplum's updateResource() strips meta and calls this.createResource(), so every write of a
  // resource version comes through here exactly once.
  //
  // The bookkeeping is synchronous, in the same turn as the stamp: Medplum's memory repository
  // stores synchronously too (its async methods never wait), so two requests in flight can never
  // leave the index out of stamp order.
  async createResource(resource, options) {
    const type = resource.resourceType;
    // The router passes options only from a create (POST /Type, conditional create/update): real
    // servers assign the id then; Medplum's memory repository would keep the client's.
    const id = options && !options.assignedId ? this.generateId() : (resource.id ?? this.generateId());
    const s = this.state(type);
    const existed = s.live.has(id);
    const version = (s.versions.get(id) ?? 0) + 1;
    const ms = this.stamp(type);
    const at = new Date(ms).toISOString();
    // Medplum keeps meta.versionId and meta.lastUpdated when present: its copy and ours agree.
    const prepared = { ...resource, id, meta: { ...resource.meta, versionId: String(version), lastUpdated: at } };
    const done = super.createResource(prepared);
    // The very object Medplum stored (it returns copies): one copy in memory, not two. `resources`
    // is private to MemoryRepository 4.5.2 (package-lock.json pins it); should it ever go, a copy
    // made the way Medplum makes its own.
    const stored = this.resources?.get(type)?.get(id) ?? JSON.parse(stringify(prepared));
    s.versions.set(id, version);
    s.live.delete(id); // re-inserted last: Map order stays write order
    s.live.set(id, stored);
    s.deleted.delete(id);
    s.log.push({ id, method: existed ? 'PUT' : 'POST', at, ms, versionId: String(version), resource: stored });
    this.#written(s);
    await done;
    return stored;
  }

  // Medplum's, minus a deep copy of the input (createResource() above replaces meta anyway).
  async updateResource(resource, options) {
    if (!resource.id) throw new OperationOutcomeError(badRequest('Missing id'));
    if (options?.ifMatch) {
      const existing = this.get(resource.resourceType, resource.id);
      if (!existing) throw new OperationOutcomeError(notFound);
      if (existing.meta.versionId !== options.ifMatch) throw new OperationOutcomeError(preconditionFailed);
    }
    return this.createResource(resource);
  }

  async readResource(type, id) {
    if (this.isDeleted(type, id)) throw new OperationOutcomeError(gone);
    return super.readResource(type, id);
  }

  async deleteResource(type, id) {
    const s = this.state(type);
    if (s.deleted.has(id)) return; // already deleted: nothing to do, and no new version
    if (!s.live.has(id)) throw new OperationOutcomeError(notFound);
    const version = (s.versions.get(id) ?? 0) + 1;
    const ms = this.stamp(type);
    const at = new Date(ms).toISOString();
    const done = super.deleteResource(type, id);
    s.versions.set(id, version);
    s.live.delete(id);
    s.deleted.set(id, { at, versionId: String(version) });
    s.log.push({ id, method: 'DELETE', at, ms, versionId: String(version) });
    this.#written(s);
    await done;
  }
}

// ---- references ---------------------------------------------------------------------------------

const simplePath = /^[A-Za-z][A-Za-z0-9]*(\.[A-Za-z][A-Za-z0-9]*)*$/;

/**
 * A function giving the "Type/id" references a resource of @p type holds in reference search
 * parameter @p code; undefined if @p code is not a reference parameter of @p type.
 * Plain paths ("PractitionerRole.location") are walked directly: FHIRPath costs ~8 µs a call.
 */
export function referenceReader(type, code) {
  const param = getSearchParameter(type, code);
  if (!param || param.type !== 'reference' || !param.expression) return undefined;
  // Shared parameters list every type's path: "Account.subject | Basic.subject | …".
  const expression =
    param.expression
      .split('|')
      .map((e) => e.trim())
      .find((e) => e.startsWith(type + '.')) ?? param.expression;
  let values;
  if (simplePath.test(expression)) {
    const path = expression.split('.').slice(1);
    values = (resource) => {
      let current = [resource];
      for (const step of path) current = current.flatMap((v) => (v == null ? [] : [].concat(v[step] ?? [])));
      return current;
    };
  } else {
    values = (resource) => evalFhirPath(expression, resource);
  }
  const reader = (resource) => values(resource).map((v) => localReference(v?.reference)).filter(Boolean);
  reader.targets = param.target ?? [];
  return reader;
}

/** "Practitioner/1", "http://host/fhir/Practitioner/1/_history/2" → "Practitioner/1"; else undefined. */
export function localReference(reference) {
  if (typeof reference !== 'string') return undefined;
  const parts = reference.split('/');
  const history = parts.indexOf('_history');
  const upTo = history >= 0 ? parts.slice(0, history) : parts;
  if (upTo.length < 2) return undefined;
  return upTo.slice(-2).join('/');
}
