// Starts server.mjs as a child process, for test.mjs and bench.mjs (C++ tests use
// tests/support/FhirTestServer.cpp, which does the same).
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const SERVER = fileURLToPath(new URL('../server.mjs', import.meta.url));

/** Resolves to { port, root, base, child, stderr(), stop() } once the server prints LISTENING. */
export function startServer(args = []) {
  const child = spawn(process.execPath, [SERVER, '--port', '0', ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  return new Promise((resolve, reject) => {
    let out = '';
    child.once('exit', (code) => reject(new Error(`server exited (${code}) before listening: ${stderr}`)));
    child.stdout.on('data', (d) => {
      out += d;
      const m = /^LISTENING (\d+)\n/.exec(out);
      if (!m) return;
      const port = Number(m[1]);
      const root = `http://127.0.0.1:${port}/`;
      resolve({
        port,
        root,
        base: `${root}fhir/R4/`,
        child,
        stdout: () => out,
        stderr: () => stderr,
        stop: () =>
          new Promise((done) => {
            if (child.exitCode !== null) return done(child.exitCode);
            child.once('exit', (code) => done(code));
            child.kill('SIGTERM');
          }),
      });
    });
  });
}

/** fetch() returning { status, headers, text, json } (json undefined when the body is not JSON). */
export async function call(url, { method = 'GET', body, headers = {}, signal } = {}) {
  const response = await fetch(url, {
    method,
    signal,
    headers: { Accept: 'application/fhir+json', ...(body !== undefined ? { 'Content-Type': 'application/fhir+json' } : {}), ...headers },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  let json;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, text, json };
}

/** A batch Bundle PUTting @p resources with their ids. */
export function batch(resources, type = 'batch') {
  return {
    resourceType: 'Bundle',
    type,
    entry: resources.map((resource) => ({ resource, request: { method: 'PUT', url: `${resource.resourceType}/${resource.id}` } })),
  };
}

/** Follows next links from @p url; returns the pages (Bundles). */
export async function pages(url, headers = {}) {
  const result = [];
  for (let next = url; next; ) {
    const r = await call(next, { headers });
    if (r.status !== 200) throw new Error(`GET ${next}: ${r.status} ${r.text.slice(0, 300)}`);
    result.push(r.json);
    next = r.json.link?.find((l) => l.relation === 'next')?.url;
  }
  return result;
}

export const practitioner = (i) => ({
  resourceType: 'Practitioner',
  id: `hw-${String(i).padStart(6, '0')}`,
  active: true,
  identifier: [{ system: 'http://example.org/ihris/practitioner', value: `P${i}` }],
  name: [{ use: 'official', family: `Family${i}`, given: [`Given${i}`] }],
  telecom: [{ system: 'phone', value: `0886${String(i % 1_000_000).padStart(6, '0')}`, use: 'mobile' }],
  gender: i % 2 ? 'female' : 'male',
});

export const role = (i, locations = 50, organizations = 10) => ({
  resourceType: 'PractitionerRole',
  id: `role-${String(i).padStart(6, '0')}`,
  active: true,
  practitioner: { reference: `Practitioner/hw-${String(i).padStart(6, '0')}` },
  location: [{ reference: `Location/loc-${i % locations}` }],
  organization: { reference: `Organization/org-${i % organizations}` },
  code: [{ coding: [{ system: 'http://example.org/ihris/job', code: `job-${i % 7}` }] }],
});
