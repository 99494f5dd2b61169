import { describe, expect, it } from 'vitest';
import { isMarkerLine, markerLine, parseMarker, readMarker } from '../../../lib/checklist/marker';

const ID = 'b3c1f0e2-1111-4a4a-9c9c-000000000001';

describe('the baton:v1 marker with receivers and replies', () => {
  it('writes receivers and reply kinds after the handoff id, so older readers still find the id', () => {
    const line = markerLine(ID, { to: ['557058:f58131cb-b67d', '9002'] });
    expect(line).toBe(`baton:v1 handoff=${ID} to=557058:f58131cb-b67d,9002`);
    expect(parseMarker(line)).toBe(ID);
    expect(readMarker(line)).toEqual({ handoffId: ID, to: ['557058:f58131cb-b67d', '9002'], re: null });
    expect(readMarker(markerLine(ID, { re: 'ack' }))).toEqual({ handoffId: ID, to: null, re: 'ack' });
    expect(isMarkerLine(line)).toBe(true);
  });

  it('reads a first-version marker as a handoff with no recorded receivers', () => {
    expect(readMarker(`baton:v1 handoff=${ID}`)).toEqual({ handoffId: ID, to: null, re: null });
  });

  it('leaves out ids that cannot be written safely, keeping the line', () => {
    expect(markerLine(ID, { to: ['bob chen', 'a_b', '<x>', 'ok-1'] })).toBe(`baton:v1 handoff=${ID} to=ok-1`);
    expect(markerLine(ID, { to: ['bad id'] })).toBe(`baton:v1 handoff=${ID}`);
  });

  it('is not fooled by a longer word or a made-up reply kind', () => {
    expect(readMarker(`baton:v1 handoff=${ID} re=maybe`)).toEqual({ handoffId: ID, to: null, re: null });
    expect(isMarkerLine(`baton:v1 handoff=${ID} re=maybe`)).toBe(false);
    expect(readMarker(`baton:v1 handoff=${ID} to=abc=def`)?.to).toBeNull();
  });
});
