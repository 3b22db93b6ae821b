// Checks that the project's own pages (docs/, the READMEs, CONTRIBUTING.md) name only files and
// settings that exist: every relative link resolves from the page, every backticked repository path
// exists (a full path from the repository's root exactly; a shorter one such as
// `export/export-file-listing.ts` as the end of some file's path), and every `BLUEZONE_*` variable is
// read somewhere outside the pages; that a server setting's default written beside it — "`BLUEZONE_X`
// (15 min)", "(default **10**)", "(`1h`)" — is the one in apps/server/src/config/config-definition.ts;
// and that every `docs/….md` a source file cites exists. A vitest test (`docs-references.test.ts`) runs it over the tree.
//
//   npx tsx scripts/docs-references.ts        # lists stale references; exit 1 if any
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { CONFIG_ENTRIES, type ConfigEntry } from '../apps/server/src/config/config-definition.js';

/** A name a page uses that names nothing in the repository. */
export interface StaleReference {
  page: string;
  kind: 'link' | 'path' | 'variable' | 'cited page' | 'default';
  name: string;
}

/** Folders never listed: installed, built and scratch files. */
const SKIPPED = new Set(['node_modules', 'dist', 'coverage', 'tmp']);

/**
 * Names in backticks that look like paths but are not this repository's files: object keys of the
 * blob store, paths inside other projects whose facts a page cites, cookie attributes.
 */
const NOT_REPOSITORY_PATHS = new Set([
  'VN/index.txt', // object key in the blob store (docs/operations.md)
  'trace-warnings/', // folder of the blob store (docs/checkin.md, ADR 0014)
  'trace-warnings/VN/',
  'documentation/parameters/parameter_dictionary.md', // in the Covasim repository (docs/planner.md)
  'tests/data/baseline_parameters_transpose.csv', // in the Covasim repository (docs/planner.md)
  'sdk/src/main/res/raw/en_calibration_2020_08_12.csv', // in Google's GAEN sample (protocol NOTICE)
  'drizzle-orm/entity.js', // inside the installed package (docs/performance.md)
  'dist/', // what a build writes (not committed)
  'assets/', // the app's built files (docs/app.md)
]);

const FILE_LIKE = /\.(ts|tsx|mts|mjs|js|md|json|sql|sh|yml|yaml|conf|html|css|csv|proto|toml)$/;
const VARIABLE = /\bBLUEZONE_[A-Z0-9_]*[A-Z0-9]\b/g;

const MS: Record<string, number> = {
  ms: 1,
  s: 1000,
  m: 60_000,
  min: 60_000,
  minute: 60_000,
  minutes: 60_000,
  h: 3_600_000,
  hour: 3_600_000,
  hours: 3_600_000,
  d: 86_400_000,
  day: 86_400_000,
  days: 86_400_000,
};
/** `15m`, `15 min`, `1 minute`, `14 days` in milliseconds; a plain number as itself. */
const amount = (number: string, unit = '') =>
  Number(number.replace(/,/g, '')) * (unit === '' ? 1 : (MS[unit] ?? Number.NaN));
const DEFAULTS = new Map(
  (CONFIG_ENTRIES as readonly ConfigEntry[]).flatMap((e): [string, number][] => {
    if (e.default === undefined || !['integer', 'duration'].includes(e.kind)) return [];
    const [, number = '', unit] = /^([0-9]+)([a-z]*)$/.exec(e.default) ?? [];
    return [[e.env, amount(number, unit)]];
  }),
);
const DEFAULT_BESIDE =
  /`(BLUEZONE_[A-Z0-9_]+)`,? \((?:default )?[*`]*([0-9][0-9,]*) ?([a-z]+)?[*`]*(?=[),;])/g;

/** Settings written with a default beside them (`BLUEZONE_X` (15 min)) whose default is another. */
export function wrongDefaults(text: string, defaults: ReadonlyMap<string, number> = DEFAULTS): string[] {
  const wrong: string[] = [];
  for (const match of text.replace(/\s*\n\s*/g, ' ').matchAll(DEFAULT_BESIDE)) {
    const [written, env = '', number = '', unit] = match;
    const actual = defaults.get(env);
    if (actual !== undefined && amount(number, unit) !== actual) wrong.push(`${written})`);
  }
  return wrong;
}

function walk(root: string, dir: string, out: string[]): string[] {
  for (const entry of readdirSync(join(root, dir), { withFileTypes: true })) {
    if (entry.name.startsWith('.') || SKIPPED.has(entry.name)) continue;
    const path = dir === '' ? entry.name : `${dir}/${entry.name}`;
    if (entry.isDirectory()) walk(root, path, out);
    else out.push(path);
  }
  return out;
}

/** The repository's files (relative, `/`-separated), without installed, built and data folders. */
export function repositoryFiles(root: string): string[] {
  return walk(root, '', []);
}

/**
 * The pages checked: every Markdown file of the repository outside the skipped folders, except the
 * READMEs of the third-party data sets under `data/` (they describe their own archives).
 */
export const isPage = (path: string) => path.endsWith('.md') && !path.startsWith('data/');

/** Backticked names in a page that look like repository paths (a `/`, a file extension or a trailing `/`). */
export function pathsNamed(text: string): string[] {
  const names: string[] = [];
  for (const match of text.matchAll(/`([^`\s]+)`/g)) {
    const name = (match[1] as string).replace(/#.*$/, '').replace(/:\d+(-\d+)?$/, '');
    if (!name.includes('/') || /^[a-z][a-z0-9+.-]*:|^\/|^@|^-|[*<>{}…$^=()|\\]|\.\.\./.test(name)) continue;
    if (FILE_LIKE.test(name) || name.endsWith('/')) names.push(name);
  }
  return names;
}

/** Relative link targets of a page (no scheme, no pure anchor), without their anchor. */
export function linksNamed(text: string): string[] {
  const links: string[] = [];
  for (const match of text.matchAll(/\]\(([^)\s]+)\)/g)) {
    const target = (match[1] as string).replace(/#.*$/, '');
    if (target === '' || /^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith('/')) continue;
    links.push(target);
  }
  return links;
}

/** Every stale link, path and `BLUEZONE_*` variable of the repository's pages. */
export function staleReferences(root: string): StaleReference[] {
  const files = repositoryFiles(root);
  const folders = new Set(
    files.flatMap((f) =>
      f
        .split('/')
        .slice(0, -1)
        .map((_, i, parts) => parts.slice(0, i + 1).join('/')),
    ),
  );
  const tops = new Set(files.map((f) => f.split('/')[0] as string));
  const exists = (path: string) => files.includes(path) || folders.has(path.replace(/\/$/, ''));
  const endsSomePath = (name: string) => {
    const tail = `/${name.replace(/\/$/, '')}`;
    return name.endsWith('/')
      ? [...folders].some((f) => `/${f}`.endsWith(tail))
      : files.some((f) => `/${f}`.endsWith(tail));
  };
  const variablesRead = new Set(
    files
      .filter((f) => !isPage(f) && /\.(ts|tsx|mjs|js|json|sh|yml|yaml|conf|env|service)$|Dockerfile/.test(f))
      .flatMap((f) => readFileSync(join(root, f), 'utf8').match(VARIABLE) ?? []),
  );

  const stale: StaleReference[] = [];
  // Code comments and messages that send the reader to a page: the page exists.
  for (const source of files.filter(
    (f) => /\.(ts|tsx|mjs|sql|conf|service|example)$/.test(f) && !f.endsWith('.test.ts'),
  )) {
    const text = readFileSync(join(root, source), 'utf8');
    for (const cited of new Set(text.match(/\bdocs\/[A-Za-z0-9_/.-]+\.md\b/g) ?? [])) {
      if (!files.includes(cited)) stale.push({ page: source, kind: 'cited page', name: cited });
    }
  }
  for (const page of files.filter(isPage)) {
    const text = readFileSync(join(root, page), 'utf8');
    for (const link of linksNamed(text)) {
      if (!existsSync(resolve(root, dirname(page), link))) stale.push({ page, kind: 'link', name: link });
    }
    for (const name of pathsNamed(text)) {
      if (NOT_REPOSITORY_PATHS.has(name)) continue;
      const found = tops.has(name.split('/')[0] as string) ? exists(name) : endsSomePath(name);
      if (!found && !existsSync(resolve(root, dirname(page), name))) stale.push({ page, kind: 'path', name });
    }
    for (const written of wrongDefaults(text)) stale.push({ page, kind: 'default', name: written });
    for (const variable of new Set(text.match(VARIABLE) ?? [])) {
      if (!variablesRead.has(variable)) stale.push({ page, kind: 'variable', name: variable });
    }
  }
  return stale;
}

function main(): number {
  const root = resolve(import.meta.dirname, '..');
  const stale = staleReferences(root);
  for (const s of stale)
    console.log(
      s.kind === 'default'
        ? `${s.page}: ${s.name} is not the default in apps/server/src/config/config-definition.ts`
        : `${s.page}: ${s.kind} ${s.name} names nothing in the repository`,
    );
  console.log(
    stale.length === 0 ? 'every path, link, BLUEZONE_* variable and default the pages name is true' : '',
  );
  return stale.length === 0 ? 0 : 1;
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) process.exit(main());
