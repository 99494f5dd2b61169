import { describe, expect, it } from 'vitest';
import {
  arrayOf,
  isNumber,
  isString,
  maxLength,
  nullable,
  optional,
  recordOf,
  shape,
} from '../../lib/checks';

describe('checks', () => {
  const isIssue = shape({
    key: isString,
    fields: shape({ summary: optional(isString), assignee: optional(nullable(shape({ id: isNumber }))) }),
  });

  it('accepts the shape with extra keys, optional and null fields', () => {
    expect(isIssue({ key: 'A-1', fields: {}, extra: 1 })).toBe(true);
    expect(isIssue({ key: 'A-1', fields: { summary: 's', assignee: null } })).toBe(true);
    expect(isIssue({ key: 'A-1', fields: { assignee: { id: 3 } } })).toBe(true);
  });

  it('rejects anything else', () => {
    expect(isIssue(null)).toBe(false);
    expect(isIssue([])).toBe(false);
    expect(isIssue({ key: 1, fields: {} })).toBe(false);
    expect(isIssue({ key: 'A-1' })).toBe(false);
    expect(isIssue({ key: 'A-1', fields: { summary: null } })).toBe(false);
    expect(isIssue({ key: 'A-1', fields: { assignee: { id: Number.NaN } } })).toBe(false);
  });

  it('checks arrays, records and lengths', () => {
    expect(arrayOf(isString, 2)(['a', 'b'])).toBe(true);
    expect(arrayOf(isString, 2)(['a', 'b', 'c'])).toBe(false);
    expect(arrayOf(isString)(['a', 1])).toBe(false);
    expect(recordOf(isNumber)({ a: 1 })).toBe(true);
    expect(recordOf(isNumber)({ a: '1' })).toBe(false);
    expect(recordOf(isNumber)([1])).toBe(false);
    expect(maxLength(3)('abc')).toBe(true);
    expect(maxLength(3)('abcd')).toBe(false);
  });
});
