import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { SERVICE_HANDOFF } from '../../../lib/checklist/default-template';
import { type Template, templateSchema } from '../../../lib/checklist/template';
import {
  customHostSchema,
  enforcementSchema,
  parsePolicy,
  policySchema,
} from '../../../lib/storage/settings';
import schema from '../../../public/managed_schema.json';

// Chrome validates a managed policy against public/managed_schema.json: "If a policy value does not
// conform to the schema then it won't be published by the storage.managed API" (developer.chrome.com,
// manifest/storage). A property the schema does not declare is dropped (Chrome normalises policies
// with unknown properties allowed but removed; INFERRED from its policy code, not seen in a document),
// so an object declared without `properties` arrives empty. Below, every object schema gets
// `additionalProperties: false` and ajv removes what it does not declare: what survives is what Baton
// would receive. The schema and lib/storage/settings.ts must agree both ways: what one takes, the
// other takes; what one refuses, the other refuses.
function chromeStrict(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(chromeStrict);
  if (typeof node !== 'object' || node === null) return node;
  const copy = Object.fromEntries(Object.entries(node).map(([key, value]) => [key, chromeStrict(value)]));
  return copy.type === 'object' && !('additionalProperties' in copy)
    ? { ...copy, additionalProperties: false }
    : copy;
}
const validate = new Ajv({ removeAdditional: true, strict: false }).compile(chromeStrict(schema) as object);

/** What the browser would hand Baton of this policy, or null when it refuses the policy. */
function asManaged(policy: unknown): unknown {
  const copy = structuredClone(policy);
  return validate(copy) ? copy : null;
}

const EVERY_FIELD_KIND: Template = {
  id: 'corp-handoff',
  version: 1,
  name: { en: 'Corporate handoff', ko: '회사 인수인계' },
  fields: [
    {
      id: 'summary',
      kind: 'text',
      label: { en: 'Summary', ko: '요약' },
      required: true,
      minLength: 5,
      maxLength: 500,
    },
    {
      id: 'why',
      kind: 'choice',
      label: { en: 'Why' },
      required: true,
      choices: [
        { id: 'shift', label: { en: 'Shift change', ko: '근무 교대' } },
        { id: 'other', label: { en: 'Other' } },
      ],
    },
    { id: 'links', kind: 'list', itemKind: 'url', label: { en: 'Links' }, required: false },
  ],
};

const FULL_POLICY = {
  enforcement: { jira: 'block', zendesk: 'remind', trello: 'off' },
  receiver: { jira: true, zendesk: false, trello: true },
  templateBySite: { jira: 'corp-handoff', zendesk: 'service-handoff', trello: 'corp-handoff' },
  templates: [SERVICE_HANDOFF, EVERY_FIELD_KIND],
  customHosts: [
    { origin: 'https://jira.corp.example', site: 'jira' },
    { origin: 'https://support.corp.example:8443', site: 'zendesk' },
  ],
  trello: {
    addOthers: true,
    removeSelfWhileOthersStay: false,
    joinSelf: true,
    removeOthers: false,
    handoffLists: ['Escalated', 'Ops'],
  },
  retentionDays: 90,
};

describe('the managed storage schema and the settings Baton accepts', () => {
  it('declares every key of the policy, and no key Baton does not read', () => {
    expect(Object.keys(schema.properties).sort()).toEqual(Object.keys(policySchema.def.shape).sort());
  });

  it('passes a policy that sets everything through whole, templates included', () => {
    const managed = asManaged(FULL_POLICY);
    expect(managed).toEqual(FULL_POLICY);
    const policy = parsePolicy(managed);
    expect(Object.keys(policy).sort()).toEqual(Object.keys(FULL_POLICY).sort());
    expect(policy.templates?.map((template) => templateSchema.parse(template))).toEqual([
      SERVICE_HANDOFF,
      EVERY_FIELD_KIND,
    ]);
  });

  it('lists the same choices and bounds as the settings', () => {
    const p = schema.properties;
    expect(p.enforcement.properties.jira.enum).toEqual(enforcementSchema.options);
    expect(p.customHosts.items.properties.site.enum).toEqual(customHostSchema.def.shape.site.options);
    expect([p.retentionDays.minimum, p.retentionDays.maximum]).toEqual([1, 3650]);
    expect(p.templates.items.properties.fields.items.properties.kind.enum).toEqual([
      'text',
      'choice',
      'list',
    ]);
  });

  it.each<[string, Record<string, unknown>]>([
    ['an enforcement level that does not exist', { enforcement: { jira: 'never' } }],
    ['no days of retention', { retentionDays: 0 }],
    ['more than ten years of retention', { retentionDays: 3651 }],
    [
      'a custom host that is not https',
      { customHosts: [{ origin: 'http://jira.corp.example', site: 'jira' }] },
    ],
    [
      'a custom host for Trello',
      { customHosts: [{ origin: 'https://trello.corp.example', site: 'trello' }] },
    ],
    ['a Trello rule that is not a yes or no', { trello: { joinSelf: 'yes' } }],
    ['a receiver switch that is not a yes or no', { receiver: { jira: 'on' } }],
  ])('refuses %s, as the settings do', (_name, policy) => {
    expect(asManaged(policy)).toBeNull();
    expect(Object.keys(parsePolicy(policy))).toEqual([]);
  });

  it.each<[string, unknown]>([
    ['a template id with capitals', { ...EVERY_FIELD_KIND, id: 'Corp' }],
    ['a template of another version', { ...EVERY_FIELD_KIND, version: 2 }],
    [
      'a field of an unknown kind',
      { ...EVERY_FIELD_KIND, fields: [{ id: 'x', kind: 'date', label: { en: 'X' }, required: true }] },
    ],
  ])('refuses %s in a template, as the template schema does', (_name, template) => {
    expect(asManaged({ templates: [template] })).toBeNull();
    expect(templateSchema.safeParse(template).success).toBe(false);
  });
});
