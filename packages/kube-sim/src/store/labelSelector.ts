import { StoreError } from './types';

/** One parsed requirement of a label selector. */
export type LabelRequirement =
  | { key: string; op: 'in'; values: string[] }
  | { key: string; op: 'notin'; values: string[] }
  | { key: string; op: 'exists' }
  | { key: string; op: 'doesnotexist' };

export type LabelMatcher = (labels: Record<string, string> | undefined) => boolean;

const KEY = /^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\/)?[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/;
const VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

function invalid(selector: string, why: string): StoreError {
  return new StoreError(400, 'BadRequest', `unable to parse requirement: ${why} (selector "${selector}")`);
}

/** Splits on commas that are not inside parentheses. */
function splitTerms(selector: string): string[] {
  const terms: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < selector.length; i++) {
    const c = selector[i];
    if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === ',' && depth === 0) {
      terms.push(selector.slice(start, i));
      start = i + 1;
    }
  }
  terms.push(selector.slice(start));
  return terms.map(t => t.trim()).filter(t => t.length > 0);
}

function checkKey(selector: string, key: string): string {
  if (!KEY.test(key)) throw invalid(selector, `invalid label key "${key}"`);
  return key;
}

function checkValue(selector: string, value: string): string {
  if (value.length > 63 || !VALUE.test(value)) {
    throw invalid(selector, `invalid label value: "${value}"`);
  }
  return value;
}

function parseTerm(selector: string, term: string): LabelRequirement {
  const setMatch = /^(\S+)\s+(in|notin)\s*\((.*)\)$/.exec(term);
  if (setMatch) {
    const values = setMatch[3]
      .split(',')
      .map(v => v.trim())
      .filter(v => v.length > 0)
      .map(v => checkValue(selector, v));
    if (values.length === 0) throw invalid(selector, 'for \'in\', \'notin\' operators, values set can\'t be empty');
    return { key: checkKey(selector, setMatch[1]), op: setMatch[2] as 'in' | 'notin', values };
  }
  const eqMatch = /^([^!=\s]+)\s*(==|=|!=)\s*(.*)$/.exec(term);
  if (eqMatch) {
    const key = checkKey(selector, eqMatch[1]);
    const value = checkValue(selector, eqMatch[3].trim());
    return eqMatch[2] === '!=' ? { key, op: 'notin', values: [value] } : { key, op: 'in', values: [value] };
  }
  if (term.startsWith('!')) return { key: checkKey(selector, term.slice(1).trim()), op: 'doesnotexist' };
  return { key: checkKey(selector, term), op: 'exists' };
}

/** Parses a label selector string (`=`, `==`, `!=`, `in`, `notin`, `key`, `!key`). */
export function parseLabelSelector(selector: string): LabelRequirement[] {
  return splitTerms(selector).map(term => parseTerm(selector, term));
}

function matchesRequirement(labels: Record<string, string> | undefined, r: LabelRequirement): boolean {
  const value = labels?.[r.key];
  switch (r.op) {
    case 'exists':
      return value !== undefined;
    case 'doesnotexist':
      return value === undefined;
    case 'in':
      return value !== undefined && r.values.includes(value);
    case 'notin':
      return value === undefined || !r.values.includes(value);
    default:
      return false;
  }
}

/** Compiles a selector string into a matcher; an empty or missing selector matches everything. */
export function compileLabelSelector(selector: string | undefined): LabelMatcher | undefined {
  if (!selector || !selector.trim()) return undefined;
  const requirements = parseLabelSelector(selector);
  return labels => requirements.every(r => matchesRequirement(labels, r));
}

/** The selector string of a structured `metav1.LabelSelector` (matchLabels + matchExpressions). */
export function formatLabelSelector(selector: {
  matchLabels?: Record<string, string>;
  matchExpressions?: Array<{ key: string; operator: string; values?: string[] }>;
}): string {
  const terms = Object.entries(selector.matchLabels ?? {}).map(([k, v]) => `${k}=${v}`);
  for (const e of selector.matchExpressions ?? []) {
    const values = (e.values ?? []).join(',');
    if (e.operator === 'In') terms.push(`${e.key} in (${values})`);
    else if (e.operator === 'NotIn') terms.push(`${e.key} notin (${values})`);
    else if (e.operator === 'Exists') terms.push(e.key);
    else if (e.operator === 'DoesNotExist') terms.push(`!${e.key}`);
  }
  return terms.join(',');
}
