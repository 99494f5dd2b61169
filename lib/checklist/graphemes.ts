// Lengths as the user sees them: a Korean syllable or an emoji with modifiers is one character,
// however many UTF-16 code units it takes.
//
// Intl.Segmenter is slow on long strings in some engines (Node 20's took 9 s for a 100 KB answer), so
// text is segmented in short chunks cut where a grapheme can never continue: between two ASCII
// characters other than CR LF (ASCII is never a combining mark, a joiner or a prepended character).

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
const CHUNK = 256;

function isAscii(code: number): boolean {
  return code < 0x7f;
}

function safeCut(text: string, at: number): boolean {
  const before = text.charCodeAt(at - 1);
  const after = text.charCodeAt(at);
  return isAscii(before) && isAscii(after) && !(before === 13 && after === 10);
}

function* pieces(text: string): Generator<string> {
  let start = 0;
  while (start < text.length) {
    let end = Math.min(start + CHUNK, text.length);
    while (end < text.length && !safeCut(text, end)) end += 1;
    yield text.slice(start, end);
    start = end;
  }
}

function count(piece: string): number {
  let n = 0;
  for (const _ of segmenter.segment(piece)) n += 1;
  return n;
}

export function graphemeLength(text: string): number {
  let length = 0;
  for (const piece of pieces(text)) length += count(piece);
  return length;
}

/** The first `n` graphemes of the text. */
export function firstGraphemes(text: string, n: number): string {
  let kept = '';
  let left = n;
  for (const piece of pieces(text)) {
    const length = count(piece);
    if (length <= left) {
      kept += piece;
      left -= length;
      continue;
    }
    for (const { segment } of segmenter.segment(piece)) {
      if (left === 0) break;
      kept += segment;
      left -= 1;
    }
    break;
  }
  return kept;
}
