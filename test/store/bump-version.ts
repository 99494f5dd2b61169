// Bumps Baton's version: `npm run version:bump -- <major|minor|patch|x.y.z>`.
// WXT writes package.json's version into both manifests (Chrome and Firefox), so package.json is the one
// place the version lives; CHANGELOG.md's "Unreleased" section becomes the new version's section.
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

const SEMVER = /^(\d+)\.(\d+)\.(\d+)$/;

export function nextVersion(current: string, bump: string): string {
  const parts = SEMVER.exec(current);
  if (!parts) throw new Error(`package.json's version "${current}" is not x.y.z`);
  const [major, minor, patch] = parts.slice(1).map(Number) as [number, number, number];
  if (bump === 'major') return `${major + 1}.0.0`;
  if (bump === 'minor') return `${major}.${minor + 1}.0`;
  if (bump === 'patch') return `${major}.${minor}.${patch + 1}`;
  // Browsers take at most four dot-separated integers of 0–65535; Baton uses three.
  const exact = SEMVER.exec(bump);
  if (!exact || exact.slice(1).some((n) => Number(n) > 65535)) {
    throw new Error(`Expected major, minor, patch or x.y.z, got "${bump}"`);
  }
  const order = (v: string) => v.split('.').reduce((sum, n) => sum * 65536 + Number(n), 0);
  const newer = order(bump) > order(current);
  if (!newer) throw new Error(`${bump} is not newer than ${current}: the stores reject a lower version`);
  return bump;
}

export function changelogWithRelease(changelog: string, version: string, date: string): string {
  const heading = '## [Unreleased]';
  if (!changelog.includes(heading)) throw new Error(`CHANGELOG.md has no "${heading}" section`);
  if (changelog.includes(`## [${version}]`)) throw new Error(`CHANGELOG.md already has ${version}`);
  return changelog.replace(heading, `${heading}\n\n## [${version}] - ${date}`);
}

function main(): void {
  const bump = process.argv[2];
  if (!bump) {
    console.error('Usage: npm run version:bump -- <major|minor|patch|x.y.z>');
    process.exit(2);
  }
  const packagePath = resolve('package.json');
  const changelogPath = resolve('CHANGELOG.md');
  const packageText = readFileSync(packagePath, 'utf8');
  const current = (JSON.parse(packageText) as { version: string }).version;
  const version = nextVersion(current, bump);
  const changelog = changelogWithRelease(
    readFileSync(changelogPath, 'utf8'),
    version,
    new Date().toISOString().slice(0, 10),
  );
  // Only the "version" line changes, so the rest of package.json keeps its formatting.
  const updated = packageText.replace(/("version"\s*:\s*)"[^"]*"/, `$1"${version}"`);
  writeFileSync(packagePath, updated);
  writeFileSync(changelogPath, changelog);
  console.log(`${current} → ${version}: package.json (and so both manifests) and CHANGELOG.md`);
}

if (import.meta.url === `file://${process.argv[1]}`) main();
