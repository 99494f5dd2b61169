import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EXTENSION_DIR } from '../e2e/support/launch.ts';
import { contentScriptSizes, GZIP_BUDGET_BYTES, kB } from './sizes.ts';

// `npm run test:size`: the content scripts that load on each host's pages, summed per match pattern
// of the built manifest, against the DESIGN.md §9 budget. Sizes do not flake, so this runs in `npm test`
// (after the build); the timings are in `npm run bench`.

if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) {
  console.error(`test:size: no production build in ${EXTENSION_DIR}; run "npm run build" first.`);
  process.exit(2);
}

const groups = contentScriptSizes(EXTENSION_DIR);
if (groups.length === 0) {
  console.error('test:size: the manifest declares no content scripts; nothing loads on host pages?');
  process.exit(2);
}

const over = groups.filter((group) => group.gzip > GZIP_BUDGET_BYTES);
for (const group of groups) {
  const files = group.scripts.map((s) => `${s.file} ${kB(s.gzip)}`).join(' + ');
  const verdict = group.gzip > GZIP_BUDGET_BYTES ? 'OVER BUDGET' : 'ok';
  console.log(
    `${verdict.padEnd(11)} ${group.pattern}: ${kB(group.gzip)} gzip (${kB(group.raw)} raw) = ${files}`,
  );
}
if (over.length > 0) {
  console.error(
    `\ntest:size: ${over.length} host pattern(s) load more than ${kB(GZIP_BUDGET_BYTES)} gzip of content script ` +
      `(DESIGN.md §9 budget, ${GZIP_BUDGET_BYTES} bytes):\n` +
      over
        .map((g) => `  ${g.pattern}: ${g.gzip} bytes, ${g.gzip - GZIP_BUDGET_BYTES} bytes over`)
        .join('\n') +
      '\nKeep React, full zod and other large libraries out of the always-loaded scripts.',
  );
  process.exit(1);
}
// What is left out of these scripts on purpose (docs/host-page-budget.md), each found by a string only it
// brings: a change to the build config or to an import must not bring one back unnoticed.
const LEFT_OUT = [
  { marker: 'webextension-polyfill', what: 'webextension-polyfill' },
  { marker: 'wxt:content-script-started', what: "WXT's content-script context" },
  // WXT's wxt/browser module reads browser.runtime as it loads.
  { marker: 'runtime?.id?globalThis', what: "WXT's wxt/browser module" },
  // zod, even zod/mini: plain checks stand in (section 3). A site record imports its settings schema.
  { marker: '_zod', what: 'zod' },
];
const files = [...new Set(groups.flatMap((group) => group.scripts.map((s) => s.file)))];
const found = files.flatMap((file) => {
  const text = readFileSync(join(EXTENSION_DIR, file), 'utf8');
  return LEFT_OUT.filter(({ marker }) => text.includes(marker)).map(({ what }) => `${what} in ${file}`);
});
if (found.length > 0) {
  console.error(
    `\ntest:size: bundled into a script that loads on every host page: ${found.join('; ')}. ` +
      'See docs/host-page-budget.md for why these scripts do without it.',
  );
  process.exit(1);
}
console.log(
  `\ntest:size: every host pattern is within ${kB(GZIP_BUDGET_BYTES)} gzip, without ${LEFT_OUT.map((l) => l.what).join(', ')}.`,
);
