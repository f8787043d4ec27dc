import { InputError } from '@backstage/errors';
import { z } from 'zod';

/**
 * Parses request input with a zod schema, or throws an `InputError` (400) that names every
 * field that is wrong, e.g. `Invalid query: limit: Too big: expected number to be <=500`.
 *
 * @public
 */
export function parseInput<S extends z.ZodType>(
  schema: S,
  value: unknown,
  what: string,
): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) {
    return result.data;
  }
  const problems = result.error.issues
    .map(issue => {
      const path = issue.path.join('.');
      return path ? `${path}: ${issue.message}` : issue.message;
    })
    .join('; ');
  throw new InputError(`Invalid ${what}: ${problems}`);
}
