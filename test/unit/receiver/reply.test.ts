import { createRequire } from 'node:module';
import Ajv from 'ajv-draft-04';
import { describe, expect, it } from 'vitest';
import { readMarker } from '../../../lib/checklist/marker';
import { renderReply } from '../../../lib/receiver/reply';

const schema = createRequire(import.meta.url)('@atlaskit/adf-schema/dist/json-schema/v1/full.json');
const validateAdf = new Ajv({ allErrors: true, strict: false }).compile(schema);
const ID = 'b3c1f0e2-1111-4a4a-9c9c-000000000001';
const QUESTION = {
  kind: 'question' as const,
  handoffId: ID,
  heading: 'Question about the handoff from Bob <b>Chen</b>',
  label: 'Question',
  question: 'Which **SSO** provider?\n<script>alert(1)</script> @all',
};

describe('the receiver’s reply comments', () => {
  it('are valid ADF for Jira, acknowledgement and question alike', () => {
    for (const reply of [
      { kind: 'ack' as const, handoffId: ID, heading: 'Acknowledged by Bob Chen' },
      QUESTION,
    ]) {
      const doc = renderReply('adf', reply);
      expect(validateAdf(doc), JSON.stringify(validateAdf.errors)).toBe(true);
      expect(readMarker(JSON.stringify(doc))).toEqual({ handoffId: ID, to: null, re: reply.kind });
    }
  });

  it('escape what the receiver typed in HTML and markdown', () => {
    const html = String(renderReply('html', QUESTION));
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<b>');
    expect(html).toContain(`baton:v1 handoff=${ID} re=question`);
    const md = String(renderReply('markdown', QUESTION));
    expect(md).not.toContain('**SSO**');
    expect(md).not.toMatch(/@all/);
    expect(md.trimEnd().split('\n').at(-1)).toBe(`baton:v1 handoff=${ID} re=question`);
  });

  it('says who acknowledged', () => {
    const md = String(
      renderReply('markdown', { kind: 'ack', handoffId: ID, heading: 'Acknowledged by Bob Chen' }),
    );
    expect(md).toContain('Acknowledged by Bob Chen');
    expect(md).toContain(`baton:v1 handoff=${ID} re=ack`);
  });
});
