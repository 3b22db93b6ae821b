import { describeErrors, type ErrorCode, ErrorResponseSchema, PublishResponseSchema } from '@bluezone/api';

// What the OpenAPI document says about each route beyond its validation schema: summary, tags, the
// error codes it answers, and the answers of routes whose handlers send raw bodies (distribution).
// Applied by the document's `transform`, so it never changes how a request is validated or answered.

type Schema = Record<string, unknown>;

const JSON_BODY: ErrorCode[] = [
  'unparsable_request',
  'invalid_request',
  'body_too_large',
  'unsupported_media_type',
];
const ADMIN: ErrorCode[] = [...JSON_BODY, 'unauthorized', 'forbidden'];
const DEVICE: ErrorCode[] = [...ADMIN, 'rate_limited'];
const ISSUE: ErrorCode[] = [
  ...ADMIN,
  'invalid_test_type',
  'missing_date',
  'invalid_date',
  'phone_not_accepted',
  'uuid_already_exists',
  'quota_exceeded',
];
const PUBLISH: ErrorCode[] = [
  ...JSON_BODY,
  'no_keys',
  'too_many_keys',
  'unknown_health_authority',
  'invalid_hmac_key',
  'invalid_certificate',
  'certificate_expired',
  'tekmac_mismatch',
  'invalid_report_type',
  'keys_overlap',
  'missing_revision_token',
  'invalid_revision_token',
  'invalid_revision_transition',
  'key_already_revised',
];

/** "Errors: `code` (status), …", every route also `internal` (500). */
export const errorList = describeErrors;

const STATUS = {
  type: 'object',
  properties: { status: { type: 'string', enum: ['ok'] } },
  required: ['status'],
};
const PARAMS = (file: boolean) => ({
  type: 'object',
  properties: {
    region: {
      type: 'string',
      pattern: '^[A-Z]{2}(?:-[A-Z0-9]{1,3})?$',
      description: 'Region code, e.g. `VN`.',
    },
    ...(file
      ? {
          file: {
            type: 'string',
            pattern: '^\\d{1,12}-\\d{1,12}-\\d{5}\\.zip$',
            description: '`{start}-{end}-{nnnnn}.zip`, as the index lists it.',
          },
        }
      : {}),
  },
  required: file ? ['region', 'file'] : ['region'],
});
const body = (type: string, schema: Schema, description: string) => ({
  description,
  content: { [type]: { schema } },
});
const NOT_MODIFIED = { description: 'Not modified: `If-None-Match` matched the `ETag`.', type: 'null' };
const DISTRIBUTION_ERRORS = `${errorList(['not_found'])} Cacheable by a CDN; strong \`ETag\`, \`304\` on a matching \`If-None-Match\`.`;

interface RouteDoc {
  /** How a request is authenticated (securitySchemes of openapi.ts); `[]`: a public route. */
  security?: Schema[];
  summary?: string;
  tags?: string[];
  description?: string;
  params?: Schema;
  response?: Record<string, unknown>;
  /** The body field whose verification certificate is the permission (`x-bluezone-certificate`). */
  certificateField?: string;
}

const PUBLIC: Schema[] = [];
const CONSOLE_READ: Schema[] = [{ consoleSession: [] }];
const CONSOLE_WRITE: Schema[] = [{ consoleSession: [], csrfToken: [] }];

/**
 * A route's security: its own, else this table's, else a console route's session (and CSRF token
 * when it changes state). Undefined for a route that says nothing — the hostile test refuses those.
 */
function securityOf(method: string, url: string, own: Schema, doc: RouteDoc): Schema[] | undefined {
  const declared = (own.security as Schema[] | undefined) ?? doc.security;
  if (declared) return declared;
  if (url.startsWith('/console/api/')) return method === 'GET' ? CONSOLE_READ : CONSOLE_WRITE;
  return undefined;
}

const ROUTES: Record<string, RouteDoc> = {
  'GET /healthz': {
    security: PUBLIC,
    summary: 'Liveness: the process is up',
    tags: ['operations'],
    description: errorList([]),
    response: { 200: STATUS },
  },
  'GET /readyz': {
    security: PUBLIC,
    summary: 'Readiness: the process can reach its database',
    tags: ['operations'],
    description: errorList(['not_ready']),
    response: { 200: STATUS },
  },
  'GET /v1/areas': { security: PUBLIC },
  'GET /v1/areas/2025': { security: PUBLIC },
  'POST /v1/adoption/install': { security: PUBLIC },
  'POST /v1/adoption/active': { security: PUBLIC },
  'POST /console/api/session': { security: PUBLIC },
  'POST /api/issue': { description: errorList(ISSUE) },
  'POST /api/batch-issue': {
    description: `Each item answers its own \`{error, errorCode}\` in its place; when every item fails for one reason the request answers that error. ${errorList(ISSUE)}`,
  },
  'POST /api/checkcodestatus': { description: errorList([...ADMIN, 'code_not_found']) },
  'POST /api/expirecode': { description: errorList([...ADMIN, 'code_not_found']) },
  'POST /api/verify': {
    description: errorList([
      ...DEVICE,
      'code_invalid',
      'code_not_found',
      'code_expired',
      'code_already_used',
      'unsupported_test_type',
    ]),
  },
  'POST /api/certificate': {
    description: errorList([
      ...DEVICE,
      'token_invalid',
      'token_expired',
      'token_already_used',
      'hmac_invalid',
    ]),
  },
  'POST /v1/publish': {
    security: PUBLIC,
    certificateField: 'verificationPayload',
    description: `No API key: the verification certificate is the permission. Errors answer the key server's shape \`{error, code, padding}\`; a request with some keys dropped answers 200 with \`code: partial_failure\` and \`warnings\`. A request with an \`X-Chaff\` header is answered like a success and discarded. ${errorList(PUBLISH)}`,
    response: { '5xx': PublishResponseSchema },
  },
  'POST /v1/trace-warnings': {
    security: PUBLIC,
    certificateField: 'verificationPayload',
    description: `No API key: the verification certificate the phone used for its keys (\`POST /v1/publish\`) is the permission, once more, for its check-ins (confirmed or likely results only); its tekmac is not checked (there are no keys to bind). At most 1,000 warnings; each a 32-byte location ID hash (base64), a start interval in the last 15 days, a period of 1-144 and a risk level of 1-8. Nothing but the warnings and the hour received is stored. ${errorList([...JSON_BODY, 'invalid_certificate', 'certificate_expired', 'invalid_report_type', 'too_many_warnings', 'checkin_invalid_warning', 'checkin_certificate_used'])}`,
  },
  'GET /v1/trace-warnings/:region/index.txt': {
    security: PUBLIC,
    summary: "A region's trace warning packages (venue check-in), oldest first",
    tags: ['distribution'],
    description: `One path per line, relative to \`/v1/trace-warnings/\` (\`VN/trace-warnings-<hour>.zip\`, hours since the epoch), no trailing newline. \`Cache-Control: public, max-age=300\`. ${DISTRIBUTION_ERRORS}`,
    params: PARAMS(false),
    response: {
      200: body('text/plain', { type: 'string' }, 'The index.'),
      304: NOT_MODIFIED,
    },
  },
  'GET /v1/trace-warnings/:region/:file': {
    security: PUBLIC,
    summary: 'A signed trace warning package of one hour (export.bin = TraceWarningPackage, export.sig)',
    tags: ['distribution'],
    description: `Signed with the region's export keys (\`/v1/exports/<region>/keys.json\`), padded with fake warnings. \`Cache-Control: public, max-age=31536000, immutable\`; deleted after 14 days. ${DISTRIBUTION_ERRORS}`,
    params: {
      ...PARAMS(false),
      properties: {
        ...PARAMS(false).properties,
        file: {
          type: 'string',
          pattern: '^trace-warnings-\\d{1,10}\\.zip$',
          description: '`trace-warnings-<hour>.zip`, as the index lists it.',
        },
      },
      required: ['region', 'file'],
    },
    response: {
      200: body('application/zip', { type: 'string', format: 'binary' }, 'The zip.'),
      304: NOT_MODIFIED,
    },
  },
  'GET /v1/exports/:region/index.txt': {
    security: PUBLIC,
    summary: "A region's export files, oldest first",
    tags: ['distribution'],
    description: `One path per line, relative to \`/v1/exports/\`, no trailing newline. \`Cache-Control: public, max-age=300\`. ${DISTRIBUTION_ERRORS}`,
    params: PARAMS(false),
    response: {
      200: body('text/plain', { type: 'string' }, 'The index.'),
      304: NOT_MODIFIED,
    },
  },
  'GET /v1/exports/:region/keys.json': {
    security: PUBLIC,
    summary: "Public keys that sign a region's export files, active first",
    tags: ['distribution'],
    description: `\`Cache-Control: public, max-age=300\`. ${errorList(['not_found'])}`,
    params: PARAMS(false),
    response: {
      200: body(
        'application/json',
        {
          type: 'array',
          items: {
            type: 'object',
            properties: {
              keyId: { type: 'string' },
              keyVersion: { type: 'string' },
              publicKeyPem: { type: 'string' },
              active: { type: 'boolean' },
            },
            required: ['keyId', 'keyVersion', 'publicKeyPem', 'active'],
          },
        },
        'The keys.',
      ),
    },
  },
  'GET /v1/notices/:region': {
    security: PUBLIC,
    summary: "The health authority's notices and FAQ for the app",
    tags: ['distribution'],
    description: `\`{notices: [{id, title: {vi, en}, body: {vi, en}}], faq: [{question: {vi, en}, answer: {vi, en}}]}\` from \`BLUEZONE_NOTICES\` (an empty \`faq\`: the app shows its own). \`Cache-Control: public, max-age=300\`. ${errorList(['not_found'])}`,
    params: PARAMS(false),
    response: {
      200: body('application/json', { type: 'object', additionalProperties: true }, 'The notices.'),
    },
  },
  'GET /v1/exports/:region/risk-configuration.json': {
    security: PUBLIC,
    summary: 'The risk configuration phones of a region score exposures with',
    tags: ['distribution'],
    description: `GAEN v2 parameters (attenuation buckets and weights, report-type and infectiousness weights, days-since-onset mapping, thresholds) and Bluezone's F1/F2 guidance texts in Vietnamese and English (docs/risk-scoring.md), as \`BLUEZONE_RISK_CONFIG\` sets them. Phones fetch it at every sync and keep the last valid one. \`Cache-Control: public, max-age=300\`. ${errorList(['not_found'])}`,
    params: PARAMS(false),
    response: {
      200: body('application/json', { type: 'object', additionalProperties: true }, 'The configuration.'),
    },
  },
  'GET /v1/exports/:region/:file': {
    security: PUBLIC,
    summary: 'A signed export file (export.bin + export.sig)',
    tags: ['distribution'],
    description: `\`Cache-Control: public, max-age=31536000, immutable\`: a listed file never changes; it is deleted once all its keys are past retention. ${DISTRIBUTION_ERRORS}`,
    params: PARAMS(true),
    response: {
      200: body('application/zip', { type: 'string', format: 'binary' }, 'The zip.'),
      304: NOT_MODIFIED,
    },
  },
};

/**
 * The document's view of a route: its schema with the entry above merged in (the route's own summary,
 * tags and description win) and the error answers added where the route does not list them.
 */
export function documentRoute(method: string, url: string, schema: Schema | undefined): Schema {
  const doc = ROUTES[`${method} ${url}`] ?? {};
  const own = schema ?? {};
  const response = { ...doc.response, ...(own.response as Schema | undefined) };
  if (!response['4xx']) response['4xx'] = ErrorResponseSchema;
  if (!response['5xx']) response['5xx'] = ErrorResponseSchema;
  const security = securityOf(method, url, own, doc);
  return {
    ...(doc.params ? { params: doc.params } : {}),
    ...own,
    ...(security ? { security } : {}),
    ...(doc.certificateField ? { 'x-bluezone-certificate': doc.certificateField } : {}),
    summary: own.summary ?? doc.summary,
    tags: own.tags ?? doc.tags,
    ...((own.description ?? doc.description) ? { description: own.description ?? doc.description } : {}),
    response,
  };
}

const sortedObject = (value: unknown): Record<string, unknown> => {
  const record = (value ?? {}) as Record<string, unknown>;
  return Object.fromEntries(
    Object.keys(record)
      .sort()
      .map((k) => [k, record[k]]),
  );
};

/**
 * The document with its maps in a stable order: top-level keys, paths, and the component maps sorted
 * by name. Inside a path and a schema the declared order stays (a schema's properties read in the
 * order the request is written), which is already the same on every run.
 */
export function sortDocument(document: Record<string, unknown>): Record<string, unknown> {
  const components = sortedObject(document.components);
  for (const [name, map] of Object.entries(components)) components[name] = sortedObject(map);
  return sortedObject({ ...document, components, paths: sortedObject(document.paths) });
}
