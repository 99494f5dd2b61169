import { createRequire } from 'node:module';
import Ajv from 'ajv-draft-04';
import { describe, expect, it } from 'vitest';
import { renderAdf } from '../../../lib/checklist/render-adf';
import { renderHtml } from '../../../lib/checklist/render-html';
import { renderMarkdown } from '../../../lib/checklist/render-markdown';
import { renderText } from '../../../lib/checklist/render-text';
import { renderWiki } from '../../../lib/checklist/render-wiki';
import { FULL, summaryOf } from './fixtures';

// The comment's one line about the ticket's history (issue 18), in every format, after the meta lines.

const schema = createRequire(import.meta.url)('@atlaskit/adf-schema/dist/json-schema/v1/full.json');
const validateAdf = new Ajv({ allErrors: true, strict: false }).compile(schema);
const LINE = 'Changed hands 3 times in 30 days';
const withLine = { ...summaryOf(FULL), history: LINE };

describe('the history line in the comment', () => {
  it('sits after To in plain text', () => {
    expect(renderText(withLine)).toContain(`To: Bob Lee\n\n${LINE}\n\nReason for handoff`);
    expect(renderText(summaryOf(FULL))).not.toContain('Changed hands');
  });

  it('is a paragraph of its own in ADF, still valid against the schema', () => {
    const doc = renderAdf(withLine);
    expect(doc.content[4]).toEqual({ type: 'paragraph', content: [{ type: 'text', text: LINE }] });
    expect(validateAdf(doc)).toBe(true);
  });

  it('is an escaped paragraph in wiki markup (Jira Data Center)', () => {
    expect(renderWiki(withLine)).toContain(`\n\n${LINE}\n\n`);
    expect(renderWiki({ ...summaryOf(FULL), history: 'Changed hands 2 times *x* [y]' })).toContain(
      'Changed hands 2 times \\*x\\* \\[y\\]',
    );
  });

  it('is an escaped paragraph in HTML and markdown', () => {
    const hostile = { ...summaryOf(FULL), history: 'Changed hands 2 times <img src=x> **x**' };
    expect(renderHtml(withLine)).toContain(`<p>${LINE}</p>`);
    expect(renderHtml(hostile)).toContain('&lt;img src=x&gt;');
    expect(renderMarkdown(withLine)).toContain(`\n\n${LINE}\n\n`);
    expect(renderMarkdown(hostile)).not.toContain('**x**');
  });
});
