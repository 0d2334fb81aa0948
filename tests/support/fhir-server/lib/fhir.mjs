// The FHIR REST API: which requests Medplum's router serves and which the wrapper serves, and the
// HAPI-like behaviour around them (status codes, headers, batch and transaction Bundles).
import { randomUUID } from 'node:crypto';
import { getResourceTypes, getSearchParameters, getStatus, isResourceType, validateResource } from '@medplum/core';
import { FhirError, fromMedplumOutcome, operationOutcome, statusLine } from './outcome.mjs';

const ID = /^[A-Za-z0-9\-.]{1,64}$/; // FHIR's id datatype
const METHODS = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']);
// FHIR transaction processing order: deletes, creates, updates, reads.
const TRANSACTION_ORDER = { DELETE: 0, POST: 1, PUT: 2, PATCH: 2, GET: 3 };
const FEATURED = ['Practitioner', 'PractitionerRole', 'Location', 'Organization', 'Patient', 'CodeSystem'];

export class FhirService {
  /** @param options.validate: validate written resources against the R4 definitions (~200 µs each). */
  constructor({ store, router, searcher, validate = false }) {
    this.store = store;
    this.router = router;
    this.searcher = searcher;
    this.validate = validate;
  }

  /**
   * One FHIR interaction. @p path is relative to the FHIR base ("/Practitioner/1"), @p query a
   * URLSearchParams. Returns { status, body, headers }; throws FhirError.
   */
  async handle({ method, path, query, body, headers = {}, base }) {
    const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
    if (parts.length === 0) {
      if (method === 'GET' && query.has('_getpages')) return this.searcher.getPages(base, query);
      if (method === 'POST') return this.bundle(body, base, headers);
      throw new FhirError(400, 'not-supported', 'Searches across all types are not supported: search one type');
    }
    if (parts[0] === 'metadata' && parts.length === 1) {
      if (method !== 'GET') throw new FhirError(405, 'not-supported', `${method} /metadata is not allowed`);
      return { status: 200, body: this.capabilityStatement(base) };
    }
    const [type, id, operation] = parts;
    if (!isResourceType(type)) throw new FhirError(404, 'not-found', `Unknown resource type "${type}"`);
    if (parts.some((p) => p.startsWith('$'))) throw new FhirError(404, 'not-supported', `Operation ${path} is not supported`);

    if (parts.length === 1 && method === 'GET') return this.searcher.search(base, type, query);
    if (parts.length === 2 && id === '_search' && method === 'POST') {
      // Search by POST: parameters in an application/x-www-form-urlencoded body, and the query.
      const params = new URLSearchParams(query);
      for (const [k, v] of new URLSearchParams(typeof body === 'string' ? body : '')) params.append(k, v);
      return this.searcher.search(base, type, params);
    }
    if (parts.length === 2 && id === '_history' && method === 'GET') return this.searcher.history(base, type, query);
    if (id !== undefined && !ID.test(id)) throw new FhirError(400, 'invalid', `"${id}" is not a valid FHIR id`);
    if (parts.length === 3 && operation === '_history' && method === 'GET') return this.searcher.history(base, type, query, id);

    if (method === 'PUT' || method === 'POST') {
      if (!body || typeof body !== 'object' || Array.isArray(body)) throw new FhirError(400, 'structure', 'The body must be a FHIR resource (JSON object)');
      if (body.resourceType !== type) throw new FhirError(400, 'invalid', `The body is a ${body.resourceType ?? 'resource without resourceType'}, the URL says ${type}`);
      if (method === 'PUT' && parts.length === 2 && body.id !== id)
        throw new FhirError(400, 'invalid', `The body's id "${body.id ?? ''}" does not match the URL's "${id}"`);
      if (this.validate) {
        try {
          validateResource(body);
        } catch (e) {
          if (!e.outcome) throw e;
          return fromMedplumOutcome({ ...e.outcome, id: undefined });
        }
      }
    }
    const existed = method === 'PUT' && parts.length === 2 && Boolean(this.store.get(type, id));

    // Everything else is Medplum's: create, read, vread, update, patch, delete, conditional ones.
    const url = '/' + parts.map(encodeURIComponent).join('/') + (query.size ? `?${query}` : '');
    const [outcome, resource] = await this.router.handleRequest(
      { method, url, pathname: '', body, params: {}, query: {}, headers },
      this.store,
    );
    let status = getStatus(outcome);
    if (status >= 400) return fromMedplumOutcome(outcome);
    if (status === 200 && method === 'PUT' && parts.length === 2 && !existed) status = 201; // update as create
    const responseHeaders = {};
    if (resource?.meta?.versionId) {
      responseHeaders.ETag = `W/"${resource.meta.versionId}"`;
      responseHeaders['Last-Modified'] = new Date(resource.meta.lastUpdated).toUTCString();
      if (status === 201) responseHeaders.Location = `${base}${type}/${resource.id}/_history/${resource.meta.versionId}`;
    }
    let responseBody = resource ?? fromMedplumOutcome(outcome).body;
    const prefer = String(headers.prefer ?? '');
    if (resource && /return=minimal/.test(prefer)) responseBody = undefined;
    else if (resource && /return=OperationOutcome/.test(prefer)) responseBody = operationOutcome('informational', statusLine(status), 'information');
    return { status, body: responseBody, headers: responseHeaders };
  }

  /**
   * POST [base] with a batch or transaction Bundle, entry by entry through handle() — the same
   * code as single requests. (Medplum's own batch processor treats a transaction as a batch
   * unless configured for transactions, then refuses more than 50 updates, and its memory
   * repository cannot roll back anyway.) A transaction is checked whole before anything is
   * written and refused (400) on any problem; an entry failing after that is reported, but the
   * entries before it stay written: there is no rollback.
   */
  async bundle(bundle, base, headers) {
    if (!bundle || bundle.resourceType !== 'Bundle') throw new FhirError(400, 'invalid', 'POST to the FHIR base needs a Bundle');
    if (bundle.type !== 'batch' && bundle.type !== 'transaction')
      throw new FhirError(400, 'invalid', `Bundle.type must be batch or transaction, not "${bundle.type}"`);
    const transaction = bundle.type === 'transaction';
    const entries = Array.isArray(bundle.entry) ? bundle.entry : [];

    // Read the entries; in a transaction, POSTs with urn:uuid fullUrls get their ids now and
    // references to them are rewritten ("urn:uuid:…" -> "Type/id").
    const placeholders = new Map();
    const requests = entries.map((entry, i) => {
      try {
        return this.#entryRequest(entry, i, base, transaction ? placeholders : undefined);
      } catch (e) {
        if (!(e instanceof FhirError)) throw e;
        return { error: e, index: i };
      }
    });
    const failed = requests.filter((r) => r.error);
    if (transaction && failed.length)
      throw new FhirError(400, 'invalid', 'Transaction refused, nothing written: ' + failed.map((r) => r.error.message).join('; '));
    if (placeholders.size) {
      for (const r of requests) {
        if (!r.body) continue;
        let text = JSON.stringify(r.body);
        for (const [urn, reference] of placeholders) text = text.replaceAll(`"${urn}"`, `"${reference}"`);
        r.body = JSON.parse(text);
      }
    }

    const order = requests.map((_, i) => i);
    if (transaction) order.sort((a, b) => TRANSACTION_ORDER[requests[a].method] - TRANSACTION_ORDER[requests[b].method] || a - b);
    const results = new Array(requests.length);
    const representation = /return=representation/.test(String(headers.prefer ?? ''));
    for (const i of order) {
      const r = requests[i];
      let result;
      try {
        result = r.error ? fail(r.error) : await this.handle({ ...r, headers: r.headers, base });
      } catch (e) {
        if (!(e instanceof FhirError)) throw e;
        result = fail(e);
      }
      if (transaction && result.status >= 400) {
        const diagnostics = result.body?.issue?.map((x) => x.diagnostics).join('; ');
        throw new FhirError(result.status, 'processing',
          `Transaction entry ${i} (${r.method} ${r.path}) failed: ${diagnostics}. Entries before it were written: this test server cannot roll back`);
      }
      const response = { status: statusLine(result.status) };
      if (result.headers?.Location) response.location = result.headers.Location;
      if (result.headers?.ETag) response.etag = result.headers.ETag;
      if (result.headers?.['Last-Modified']) response.lastModified = new Date(result.headers['Last-Modified']).toISOString();
      if (result.status >= 400) response.outcome = result.body;
      const entry = { response };
      // Like HAPI: resources come back for reads, or when asked with Prefer: return=representation.
      if (result.status < 400 && result.body && (r.method === 'GET' || representation)) entry.resource = result.body;
      results[i] = entry;
    }
    return { status: 200, body: { resourceType: 'Bundle', id: randomUUID(), type: `${bundle.type}-response`, entry: results } };
  }

  #entryRequest(entry, i, base, placeholders) {
    const where = `Bundle.entry[${i}]`;
    const request = entry?.request;
    const method = String(request?.method ?? '').toUpperCase();
    if (!METHODS.has(method)) throw new FhirError(400, 'invalid', `${where}.request.method must be GET, POST, PUT, PATCH or DELETE`);
    if (typeof request.url !== 'string' || !request.url) throw new FhirError(400, 'invalid', `${where}.request.url is missing`);
    const url = new URL(request.url.startsWith(base) ? request.url.slice(base.length) : request.url, 'http://x/');
    const path = url.pathname;
    const parts = path.split('/').filter(Boolean);
    if (!isResourceType(parts[0] ?? '')) throw new FhirError(404, 'not-found', `${where}.request.url: unknown resource type "${parts[0] ?? ''}"`);
    let body = entry.resource;
    if (method === 'PUT' || method === 'POST') {
      if (!body || typeof body !== 'object') throw new FhirError(400, 'invalid', `${where}: ${method} needs a resource`);
      if (body.resourceType !== parts[0]) throw new FhirError(400, 'invalid', `${where}: a ${body.resourceType} sent to ${request.url}`);
      if (method === 'PUT' && parts.length === 2 && (body.id !== parts[1] || !ID.test(parts[1])))
        throw new FhirError(400, 'invalid', `${where}: resource id "${body.id}" and URL ${request.url} differ, or the id is invalid`);
    }
    const headers = {};
    if (request.ifMatch) headers['if-match'] = request.ifMatch;
    if (request.ifNoneExist) headers['if-none-exist'] = request.ifNoneExist;
    if (method === 'POST' && placeholders && /^urn:(uuid|oid):/.test(entry.fullUrl ?? '') && !request.ifNoneExist) {
      // Created with its id chosen here, as a create-on-update, so references can point to it.
      const id = this.store.generateId();
      placeholders.set(entry.fullUrl, `${parts[0]}/${id}`);
      body = { ...body, id };
      return { method: 'PUT', path: `/${parts[0]}/${id}`, query: url.searchParams, body, headers, index: i };
    }
    return { method, path, query: url.searchParams, body, headers, index: i };
  }

  capabilityStatement(base) {
    const interactions = ['read', 'vread', 'update', 'patch', 'delete', 'history-instance', 'history-type', 'create', 'search-type'];
    return {
      resourceType: 'CapabilityStatement',
      status: 'active',
      date: new Date().toISOString(),
      kind: 'instance',
      software: { name: 'mHero FHIR test server (Medplum fhir-router, in memory)' },
      implementation: { description: 'Test server: tests/support/fhir-server', url: base },
      fhirVersion: '4.0.1',
      format: ['application/fhir+json', 'json'],
      rest: [
        {
          mode: 'server',
          interaction: [{ code: 'batch' }, { code: 'transaction' }],
          resource: getResourceTypes().map((type) => ({
            type,
            interaction: interactions.map((code) => ({ code })),
            versioning: 'versioned',
            updateCreate: true,
            ...(FEATURED.includes(type)
              ? {
                  searchInclude: type === 'PractitionerRole' ? ['PractitionerRole:location', 'PractitionerRole:organization', 'PractitionerRole:practitioner'] : [],
                  searchRevInclude: type === 'Practitioner' ? ['PractitionerRole:practitioner'] : [],
                  searchParam: getSearchParameters(type) ? Object.values(getSearchParameters(type)).map((p) => ({ name: p.code, type: p.type })) : [],
                }
              : {}),
          })),
        },
      ],
    };
  }
}

const fail = (e) => ({ status: e.status, body: e.outcome });
