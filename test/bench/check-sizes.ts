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
// The polyfill is left out of these scripts on purpose (docs/host-page-budget.md); a change to the build
// config or to how they import the extension API must not bring it back unnoticed.
const withPolyfill = [...new Set(groups.flatMap((group) => group.scripts.map((s) => s.file)))].filter(
  (file) => readFileSync(join(EXTENSION_DIR, file), 'utf8').includes('webextension-polyfill'),
);
if (withPolyfill.length > 0) {
  console.error(
    `\ntest:size: webextension-polyfill is bundled into ${withPolyfill.join(', ')}, which load on every host page. ` +
      "See docs/host-page-budget.md: these scripts use the browser's own API.",
  );
  process.exit(1);
}
console.log(`\ntest:size: every host pattern is within ${kB(GZIP_BUDGET_BYTES)} gzip, without the polyfill.`);
