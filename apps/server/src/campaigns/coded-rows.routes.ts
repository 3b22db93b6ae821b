import { CodeParamsSchema, DeletedSchema, ProvinceQuerySchema } from '@bluezone/api';
import type { Static, TSchema } from 'typebox';
import { consoleUserOf, type RequireConsoleUser } from '../accounts/console-auth.js';
import { CONSOLE_ERROR_RESPONSES, consoleErrorList } from '../accounts/console-errors.js';
import type { ConsoleUser } from '../accounts/roles.js';
import { ADOPTION_READERS, CAMPAIGN_WRITERS } from '../adoption/adoption-areas.js';
import { recordAudit } from '../audit/audit.repository.js';
import type { BluezoneServer } from '../http/server.types.js';
import type { ServerDeps } from '../server-env/server-deps.js';
import { originOf } from './campaign-links.js';
import { listScope } from './targets.routes.js';

const tags = ['console: campaigns'];
const BODY = ['unparsable_request', 'invalid_request', 'body_too_large', 'unsupported_media_type'];
/** The errors every write of a coded row can answer; a kind adds its own. */
export const CODED_ROW_WRITE_ERRORS = [
  ...BODY,
  'not_signed_in',
  'csrf_token_invalid',
  'forbidden_role',
  'forbidden_area',
];

/** A campaign row named by its code (an organisation's invite code, a link's code) in a province. */
interface CodedRow {
  readonly code: string;
  readonly province: string;
}

/**
 * One kind of coded campaign row (organisations, links): what its routes under
 * `/console/api/campaigns/{plural}` say and do. The list, the audited create and the audited delete
 * are the same for every kind; the kind validates and inserts, finds, deletes and shows its rows.
 */
export interface CodedRowKind<Row extends CodedRow, Body extends TSchema> {
  /** `organisations`, `links`: the path segment and the list's property. */
  readonly plural: string;
  readonly listSummary: string;
  readonly listSchema: TSchema;
  readonly createSummary: string;
  readonly createDescription: string;
  readonly createBody: Body;
  readonly viewSchema: TSchema;
  readonly deleteSummary: string;
  /** The 404 of an unknown code (`organisation_not_found`, `link_not_found`). */
  readonly notFound: string;
  /** Audit actions and details of a create and a delete. */
  readonly audit: {
    readonly created: string;
    readonly deleted: string;
    createdDetails(row: Row): Record<string, unknown>;
    deletedDetails(row: Row): Record<string, unknown>;
  };
  rows(province: string | undefined): Promise<Row[]>;
  views(rows: Row[], origin: string): Promise<unknown[]>;
  /** Checks the body and the user's areas, inserts the row with a new code. */
  create(body: Static<Body>, user: ConsoleUser): Promise<Row>;
  /** The row of a code the user covers (404 `notFound`, 403 `forbidden_area`). */
  find(code: string, user: ConsoleUser): Promise<Row>;
  remove(code: string): Promise<void>;
}

/** Registers the list, create and delete routes of one kind of coded campaign row. */
export function registerCodedRowRoutes<Row extends CodedRow, Body extends TSchema>(
  app: BluezoneServer,
  requireConsoleUser: RequireConsoleUser,
  deps: ServerDeps,
  kind: CodedRowKind<Row, Body>,
): void {
  const path = `/console/api/campaigns/${kind.plural}`;
  const audit = (user: ConsoleUser, action: string, row: Row, details: Record<string, unknown>) =>
    recordAudit(
      deps.db,
      { actor: user, action, target: row.code, province: row.province, details },
      deps.clock.now(),
    );

  app.get(
    path,
    {
      preHandler: requireConsoleUser(ADOPTION_READERS),
      schema: {
        tags,
        summary: kind.listSummary,
        description: consoleErrorList([
          'invalid_request',
          'not_signed_in',
          'forbidden_role',
          'forbidden_area',
          'unknown_province',
        ]),
        querystring: ProvinceQuerySchema,
        response: { 200: kind.listSchema, ...CONSOLE_ERROR_RESPONSES },
      },
    },
    async (request) => {
      const scope = listScope(consoleUserOf(request), request.query.province);
      return { [kind.plural]: await kind.views(await kind.rows(scope), originOf(request)) };
    },
  );

  app.post(
    path,
    {
      preHandler: requireConsoleUser(CAMPAIGN_WRITERS),
      schema: {
        tags,
        summary: kind.createSummary,
        description: kind.createDescription,
        body: kind.createBody,
        response: { 200: kind.viewSchema, ...CONSOLE_ERROR_RESPONSES },
      },
    },
    async (request) => {
      const user = consoleUserOf(request);
      const row = await kind.create(request.body as Static<Body>, user);
      await audit(user, kind.audit.created, row, kind.audit.createdDetails(row));
      const [view] = await kind.views([row], originOf(request));
      return view;
    },
  );

  app.delete(
    `${path}/:code`,
    {
      preHandler: requireConsoleUser(CAMPAIGN_WRITERS),
      schema: {
        tags,
        params: CodeParamsSchema,
        summary: kind.deleteSummary,
        description: `Audited. ${consoleErrorList(['not_signed_in', 'csrf_token_invalid', 'forbidden_role', 'forbidden_area', kind.notFound])}`,
        response: { 200: DeletedSchema, ...CONSOLE_ERROR_RESPONSES },
      },
    },
    async (request) => {
      const user = consoleUserOf(request);
      const row = await kind.find(request.params.code, user);
      await kind.remove(row.code);
      await audit(user, kind.audit.deleted, row, kind.audit.deletedDetails(row));
      return { deleted: true };
    },
  );
}
