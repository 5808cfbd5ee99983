/**
 * `npm run add -- <file> [--city 铁岭市 --province 辽宁省 --date 2022-07-12 --kind plan --level city …]`
 *
 * Copies a document into seeds/ (named in the seeds' convention, or its own with --keep-name;
 * never overwriting), writes its sidecar from the options, and prints what the ingest recognises
 * in it with any warnings, without building the site. --dry-run checks and prints only.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { addDocument, type AddFields } from './lib/add.ts';
import { ParseCache } from './lib/cache.ts';
import { documentLines, warningLine, WARNING_MARK } from './lib/report/format.ts';
import { documentUrl } from '../src/lib/urls.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const USAGE = `usage: npm run add -- <file> [--city 铁岭市] [--province 辽宁省] [--date 2022-07-12] [--kind plan|tasklist|opinion|report|speech]
                     [--level province|city|county|district|unknown] [--title …] [--issuer …] [--doc-number …]
                     [--populations 妇女,儿童] [--keep-name] [--dry-run] [--seeds <dir>]`;

try {
  const { values, positionals } = parseCommandLine();
  if (positionals.length !== 1) throw new Error(`give exactly one file to add\n${USAGE}`);
  // Values go to the sidecar as given; sidecar.ts checks them (kind, level, date…) as the build does.
  const fields = {
    city: values.city,
    province: values.province,
    date: values.date,
    kind: values.kind,
    level: values.level,
    title: values.title,
    issuer: values.issuer,
    docNumber: values['doc-number'],
    populations: values.populations?.split(/[,，、]/).map((p) => p.trim()).filter(Boolean),
  } as AddFields;
  // Paths on the command line are the editor's, from where npm was run (INIT_CWD); the defaults are the project's.
  const here = process.env.INIT_CWD ?? process.cwd();
  const seedsDir = values.seeds ? path.resolve(here, values.seeds) : path.resolve(root, process.env.KB_SEEDS_DIR ?? 'seeds');
  const cache = process.env.KB_CACHE === 'off' ? undefined : new ParseCache(path.resolve(root, process.env.KB_CACHE_DIR ?? 'node_modules/.cache/kb-ingest'));
  const file = path.resolve(here, positionals[0]!);
  const dryRun = values['dry-run'] ?? false;

  const { name, sidecar, report, unreadable } = await addDocument(file, fields, { seedsDir, keepName: values['keep-name'], dryRun, cache });
  const relative = path.relative(here, seedsDir);
  const where = relative && !relative.startsWith('..') ? relative : seedsDir;
  console.log(dryRun ? `add: dry run, nothing copied; ${file} would be ${path.join(where, name)}` : `add: ${file} → ${path.join(where, name)}`);
  if (sidecar) console.log(`add: ${dryRun ? 'would write' : 'wrote'} ${path.join(where, sidecar)}`);
  console.log('');
  for (const line of documentLines(report)) console.log(line);
  console.log(`  page        ${documentUrl(report.id)} after the next build`);
  console.log('');
  for (const w of report.warnings) console.warn(warningLine(report, w.message));
  if (unreadable.length) console.warn(`add: not compared with ${unreadable.join(', ')}: they cannot be read (npm run build names the problem)`);
  console.log(report.warnings.length ? `add: ${WARNING_MARK} ${report.warnings.length} warning(s) above; the document is published in full either way` : 'add: no warnings');
  if (!dryRun) console.log('add: run `npm run build` to publish it');
} catch (error) {
  console.error(`add failed, nothing was added:\n${(error as Error).message}`);
  process.exitCode = 1;
}

function parseCommandLine() {
  try {
    return parseArgs({
      allowPositionals: true,
      options: {
        city: { type: 'string' },
        province: { type: 'string' },
        date: { type: 'string' },
        kind: { type: 'string' },
        level: { type: 'string' },
        title: { type: 'string' },
        issuer: { type: 'string' },
        'doc-number': { type: 'string' },
        populations: { type: 'string' },
        'keep-name': { type: 'boolean' },
        'dry-run': { type: 'boolean' },
        seeds: { type: 'string' },
      },
    });
  } catch (error) {
    throw new Error(`${(error as Error).message}\n${USAGE}`);
  }
}
