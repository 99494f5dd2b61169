// The one rule for links, shared by validation and every renderer: only absolute http(s) URLs become
// links. Anything else (javascript:, data:, relative paths) stays inert text wherever it ends up.
export function parseHttpUrl(value: string): URL | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return null;
  }
  return url.protocol === 'http:' || url.protocol === 'https:' ? url : null;
}

/** Splits on every line ending a textarea or a pasted document may hold. */
export function splitLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}
