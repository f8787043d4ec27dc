type Requirement = (labels: Record<string, string>) => boolean;

function parseRequirement(text: string): Requirement {
  const set = /^([^\s!=]+)\s+(in|notin)\s+\(([^)]*)\)$/.exec(text);
  if (set) {
    const [, key, op, list] = set;
    const values = list
      .split(',')
      .map(v => v.trim())
      .filter(Boolean);
    return op === 'in'
      ? labels => key in labels && values.includes(labels[key])
      : labels => !(key in labels) || !values.includes(labels[key]);
  }
  const comparison = /^([^\s!=]+)\s*(==|=|!=)\s*(\S*)$/.exec(text);
  if (comparison) {
    const [, key, op, value] = comparison;
    return op === '!='
      ? labels => labels[key] !== value
      : labels => labels[key] === value;
  }
  if (/^![^\s!=]+$/.test(text)) {
    const key = text.slice(1);
    return labels => !(key in labels);
  }
  if (/^[^\s!=(),]+$/.test(text)) {
    return labels => text in labels;
  }
  throw new Error(`Not a label selector requirement: ${text}`);
}

/** Splits at commas that are not inside `in (...)` lists. */
function splitRequirements(selector: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const char of selector) {
    if (char === '(') depth++;
    if (char === ')') depth--;
    if (char === ',' && depth === 0) {
      parts.push(current);
      current = '';
    } else {
      current += char;
    }
  }
  parts.push(current);
  return parts.map(p => p.trim()).filter(Boolean);
}

/**
 * A predicate for a Kubernetes label selector (`a=b,c!=d,e in (f,g),!h`), used to apply the
 * server-side list filter to live watch changes as well. Throws on a malformed selector.
 */
export function labelSelectorMatcher(
  selector: string | undefined,
): (labels: Record<string, string> | undefined) => boolean {
  const requirements = splitRequirements(selector ?? '').map(parseRequirement);
  return labels => requirements.every(r => r(labels ?? {}));
}
