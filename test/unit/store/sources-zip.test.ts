import { glob } from 'tinyglobby';
import { describe, expect, it } from 'vitest';
import config from '../../../wxt.config';

// The sources zip Firefox's reviewers receive (`wxt zip -b firefox`). WXT picks its files with
// tinyglobby, `ignore` = zip.excludeSources (node_modules/wxt/dist/core/zip.mjs); the same call here
// lists what would be packed, without a build.
async function sourcesZipFiles(): Promise<string[]> {
  return glob(['**/*'], {
    cwd: process.cwd(),
    ignore: ['**/node_modules', '.output/**', ...(config.zip?.excludeSources ?? [])],
    onlyFiles: true,
    dot: false,
  });
}

describe('the sources zip for Firefox review', () => {
  it('holds no private key, and still the sources a reviewer builds from', async () => {
    const files = await sourcesZipFiles();
    expect(files).not.toContain('test/e2e/fixtures/tls/key.pem');
    expect(files.filter((file) => file.endsWith('.pem') || file.endsWith('.key'))).toEqual([]);
    expect(files).toEqual(
      expect.arrayContaining(['package.json', 'package-lock.json', 'wxt.config.ts', 'lib/checklist/url.ts']),
    );
  });
});
