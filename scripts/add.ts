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
import { addCountLine, documentLines, warningLines } from './lib/publish/report/format.ts';
import { documentUrl } from '../src/lib/urls.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const USAGE = `用法：npm run add -- <文件> [--city 铁岭市] [--province 辽宁省] [--date 2022-07-12] [--kind plan|tasklist|opinion|report|speech]
                     [--level province|city|county|district|unknown] [--title …] [--issuer …] [--doc-number …]
                     [--populations 妇女,儿童] [--keep-name] [--dry-run] [--seeds <文件夹>]`;

try {
  const { values, positionals } = parseCommandLine();
  if (positionals.length !== 1) throw new Error(`请给出一个要添加的文件（只能一个）。\n${USAGE}`);
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
  console.log(dryRun ? `添加：试运行，没有复制文件；${file} 将保存为 ${path.join(where, name)}` : `添加：${file} → ${path.join(where, name)}`);
  if (sidecar) console.log(`添加：${dryRun ? '将写入' : '已写入'} ${path.join(where, sidecar)}`);
  console.log('');
  for (const line of documentLines(report)) console.log(line);
  console.log(`  页面    下次构建后为 ${documentUrl(report.id)}`);
  console.log('');
  for (const line of warningLines(report)) console.warn(line);
  if (unreadable.length) console.warn(`添加：未与 ${unreadable.join('、')} 比较，因为它们无法读取（npm run build 会说明原因）。`);
  // A warning about the sidecar is about the options it was made from.
  if (sidecar && report.warnings.some((w) => w.message.includes(sidecar))) console.warn(`添加：${sidecar} 由命令行选项生成；要改正其中的值，请改正相应选项（如 --date）后再运行 npm run add。`);
  console.log(`添加：${addCountLine(report)}`);
  if (!dryRun) console.log('添加：请运行 `npm run build` 发布。');
} catch (error) {
  console.error(`添加失败，没有添加任何文件：\n${(error as Error).message}`);
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
    // Node's own words are English: say it in the editor's, naming the option.
    const { code, message } = error as Error & { code?: string };
    const option = /'(-[^' ]+)/.exec(message)?.[1] ?? '';
    const said =
      code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION'
        ? `没有 ${option} 这个选项。请核对拼写。`
        : code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE'
          ? `选项 ${option} 缺少值。请在它后面写上值，如 --date 2022-07-12。`
          : `命令行有误。请按下面的用法书写。`;
    throw new Error(`${said}\n${USAGE}`);
  }
}
