// OperationOutcome helpers shared by the server modules.
import { STATUS_CODES } from 'node:http';
import { getStatus } from '@medplum/core';

/** An error that becomes an HTTP status and an OperationOutcome. */
export class FhirError extends Error {
  constructor(status, code, diagnostics) {
    super(diagnostics);
    this.status = status;
    this.code = code;
  }
  get outcome() {
    return operationOutcome(this.code, this.message);
  }
}

export function operationOutcome(code, diagnostics, severity = 'error') {
  return { resourceType: 'OperationOutcome', issue: [{ severity, code, diagnostics }] };
}

/**
 * Medplum's outcomes carry their text in issue[].details.text and their status in their id;
 * real servers (HAPI) fill issue[].diagnostics, which is what clients show. Adds it.
 */
export function fromMedplumOutcome(outcome) {
  return {
    status: getStatus(outcome),
    body: {
      ...outcome,
      issue: (outcome.issue ?? []).map((i) => ({ ...i, diagnostics: i.diagnostics ?? i.details?.text })),
    },
  };
}

/** "201 Created", as Bundle.entry.response.status wants it. */
export const statusLine = (status) => `${status} ${STATUS_CODES[status] ?? ''}`.trim();
