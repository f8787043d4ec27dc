/**
 * Evaluates the simple JSONPath expressions CRD printer columns use: `.a.b`, `.a[0]`, `.a[*].b`
 * and filters like `.status.conditions[?(@.type=="Ready")].status`.
 */
export function evaluateJsonPath(object: unknown, path: string): unknown[] {
  const expression = path.replace(/^\{|\}$/g, '').replace(/^\$/, '');
  const tokens = expression.match(/\.[^.[]+|\[[^\]]*\]/g) ?? [];
  let current: unknown[] = [object];
  for (const token of tokens) {
    const next: unknown[] = [];
    for (const value of current) {
      if (value === null || typeof value !== 'object') continue;
      if (token.startsWith('.')) {
        const v = (value as Record<string, unknown>)[token.slice(1)];
        if (v !== undefined) next.push(v);
        continue;
      }
      const inner = token.slice(1, -1);
      if (!Array.isArray(value)) continue;
      if (inner === '*') next.push(...value);
      else if (/^-?\d+$/.test(inner)) {
        const i = Number(inner);
        const v = value[i < 0 ? value.length + i : i];
        if (v !== undefined) next.push(v);
      } else {
        const filter = /^\?\(@\.([\w.-]+)\s*==\s*["']?([^"']*)["']?\)$/.exec(inner);
        if (filter) next.push(...value.filter(item => String((item as Record<string, unknown>)?.[filter[1]]) === filter[2]));
      }
    }
    current = next;
  }
  return current;
}
