import { InputError } from '@backstage/errors';

type Requirement = (labels: Record<string, string>) => boolean;

const SET = /^([A-Za-z0-9./_-]+)\s+(in|notin)\s+\(([^)]*)\)$/;
const EQUALITY = /^([A-Za-z0-9./_-]+)\s*(==|=|!=)\s*([A-Za-z0-9._-]*)$/;
const EXISTS = /^(!?)([A-Za-z0-9./_-]+)$/;

/** Splits on commas that are not inside a set's parentheses. */
function splitRequirements(selector: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const char of selector) {
    if (char === '(') depth += 1;
    if (char === ')') depth -= 1;
    if (char === ',' && depth === 0) {
      parts.push(current.trim());
      current = '';
    } else {
      current += char;
    }
  }
  if (current.trim()) parts.push(current.trim());
  return parts;
}

function requirement(text: string): Requirement {
  let match = SET.exec(text);
  if (match) {
    const [, key, op, list] = match;
    const values = new Set(list.split(',').map(v => v.trim()));
    return op === 'in'
      ? labels => key in labels && values.has(labels[key])
      : labels => !(key in labels) || !values.has(labels[key]);
  }
  match = EQUALITY.exec(text);
  if (match) {
    const [, key, op, value] = match;
    return op === '!='
      ? labels => labels[key] !== value
      : labels => labels[key] === value;
  }
  match = EXISTS.exec(text);
  if (match) {
    const [, not, key] = match;
    return not ? labels => !(key in labels) : labels => key in labels;
  }
  throw new InputError(`Invalid label selector requirement "${text}"`);
}

/** Compiles a Kubernetes label selector (equality- and set-based) into a predicate. */
export function compileLabelSelector(
  selector: string | undefined,
): (labels: Record<string, string> | undefined) => boolean {
  const requirements = splitRequirements(selector ?? '').map(requirement);
  return labels => requirements.every(r => r(labels ?? {}));
}
