// Mozilla's add-on linter (the checks AMO runs on upload) over the Firefox build. Errors fail;
// warnings and notices are printed but allowed. Run after `npm run build`: `npm run test:lint-firefox`.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

interface LintMessage {
  code: string;
  message: string;
  description?: string | string[];
  file?: string;
  line?: number;
}
interface LintReport {
  summary: { errors: number; warnings: number; notices: number };
  errors: LintMessage[];
  warnings: LintMessage[];
  notices: LintMessage[];
}

const dir = resolve(process.argv[2] ?? '.output/firefox-mv3');
if (!existsSync(join(dir, 'manifest.json'))) {
  console.error(`No Firefox build in ${dir}: run "npm run build" first.`);
  process.exit(2);
}

const bin = resolve('node_modules/.bin/addons-linter');
const run = spawnSync(bin, ['--output', 'json', '--boring', dir], {
  encoding: 'utf8',
  maxBuffer: 64 * 1024 * 1024,
});
let report: LintReport;
try {
  report = JSON.parse(run.stdout) as LintReport;
} catch {
  console.error(`addons-linter gave no JSON report (exit ${run.status}):\n${run.stdout}\n${run.stderr}`);
  process.exit(2);
}

const where = (m: LintMessage) => (m.file ? ` (${m.file}${m.line ? `:${m.line}` : ''})` : '');
for (const [kind, list] of [
  ['error', report.errors],
  ['warning', report.warnings],
  ['notice', report.notices],
] as const) {
  for (const m of list) console.log(`${kind.padEnd(7)} ${m.code}: ${m.message}${where(m)}`);
}
const { errors, warnings, notices } = report.summary;
console.log(`addons-linter: ${errors} errors, ${warnings} warnings, ${notices} notices in ${dir}`);
process.exit(errors > 0 ? 1 : 0);
