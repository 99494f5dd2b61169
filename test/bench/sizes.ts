import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

// What a host page downloads and runs because Baton is installed: every file of every manifest content
// script whose match patterns cover that host. Read from the built manifest, so a script added later
// (or a second entry for the same host) is counted without touching the bench.

/** DESIGN.md §9: the content scripts that load on a host page, per site, gzip. 20 kB read as 20,000 bytes. */
export const GZIP_BUDGET_BYTES = 20_000;

export interface ScriptSize {
  file: string;
  world: 'MAIN' | 'ISOLATED';
  raw: number;
  gzip: number;
}

export interface PatternSizes {
  /** A match pattern from the manifest, e.g. `https://*.atlassian.net/*`. */
  pattern: string;
  scripts: ScriptSize[];
  raw: number;
  gzip: number;
}

interface ManifestContentScript {
  matches?: string[];
  exclude_matches?: string[];
  js?: string[];
  css?: string[];
  world?: 'MAIN' | 'ISOLATED';
}

function escapeRegExp(text: string): string {
  return text.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
}

/** Chrome's match-pattern semantics (scheme, host with an optional leading `*.`, path glob). */
export function matchesPattern(pattern: string, url: string): boolean {
  if (pattern === '<all_urls>') return /^(https?|wss?|file|ftp):/.test(url);
  const parts = /^(\*|[a-z-]+):\/\/([^/]*)(\/.*)$/.exec(pattern);
  if (!parts) return false;
  const [, scheme = '', host = '', path = ''] = parts;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  const urlScheme = parsed.protocol.slice(0, -1);
  if (scheme === '*' ? urlScheme !== 'http' && urlScheme !== 'https' : scheme !== urlScheme) return false;
  if (host !== '*') {
    if (host.startsWith('*.')) {
      const base = host.slice(2);
      if (parsed.hostname !== base && !parsed.hostname.endsWith(`.${base}`)) return false;
    } else if (parsed.hostname !== host) return false;
  }
  const pathRe = new RegExp(`^${path.split('*').map(escapeRegExp).join('.*')}$`);
  return pathRe.test(parsed.pathname + parsed.search);
}

/** A URL that a pattern matches, to ask which other patterns also cover its pages. */
export function sampleUrl(pattern: string): string {
  if (pattern === '<all_urls>') return 'https://example.com/';
  const parts = /^(\*|[a-z-]+):\/\/([^/]*)(\/.*)$/.exec(pattern);
  if (!parts) return 'https://example.com/';
  const [, scheme = '', host = '', path = ''] = parts;
  const sampleHost = host === '*' ? 'example.com' : host.replace(/^\*\./, 'sample.');
  return `${scheme === '*' ? 'https' : scheme}://${sampleHost}${path.replaceAll('*', '')}`;
}

function fileSize(dir: string, file: string, world: ScriptSize['world']): ScriptSize {
  const bytes = readFileSync(join(dir, file));
  return { file, world, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
}

/** For every match pattern in the manifest: the files that load on its pages, raw and gzip (level 9). */
export function contentScriptSizes(outputDir: string): PatternSizes[] {
  const manifest = JSON.parse(readFileSync(join(outputDir, 'manifest.json'), 'utf8')) as {
    content_scripts?: ManifestContentScript[];
  };
  const entries = manifest.content_scripts ?? [];
  const patterns = [...new Set(entries.flatMap((entry) => entry.matches ?? []))];
  return patterns.map((pattern) => {
    const url = sampleUrl(pattern);
    const scripts: ScriptSize[] = [];
    for (const entry of entries) {
      const covers = (entry.matches ?? []).some((m) => m === pattern || matchesPattern(m, url));
      const excluded = (entry.exclude_matches ?? []).some((m) => matchesPattern(m, url));
      if (!covers || excluded) continue;
      for (const file of [...(entry.js ?? []), ...(entry.css ?? [])]) {
        if (!scripts.some((s) => s.file === file))
          scripts.push(fileSize(outputDir, file, entry.world ?? 'ISOLATED'));
      }
    }
    return {
      pattern,
      scripts,
      raw: scripts.reduce((sum, s) => sum + s.raw, 0),
      gzip: scripts.reduce((sum, s) => sum + s.gzip, 0),
    };
  });
}

export function kB(bytes: number): string {
  return `${(bytes / 1000).toFixed(1)} kB`;
}

/** The scripts an extension page loads (its module script and the chunks it preloads), raw and gzip. */
export function pageScriptSizes(outputDir: string, page: string): { scripts: ScriptSize[]; gzip: number } {
  const html = readFileSync(join(outputDir, page), 'utf8');
  const files = [
    ...html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*rel="modulepreload"[^>]*\shref)="\/([^"]+\.js)"/g),
  ].map((match) => match[1] as string);
  const scripts = files.map((file) => fileSize(outputDir, file, 'ISOLATED'));
  return { scripts, gzip: scripts.reduce((sum, s) => sum + s.gzip, 0) };
}
