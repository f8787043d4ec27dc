import { InputError } from '@backstage/errors';
import { z } from 'zod';
import { parseInput } from './parseInput';

describe('parseInput', () => {
  const schema = z.object({ limit: z.number().max(500), name: z.string() });

  it('returns the parsed value', () => {
    expect(parseInput(schema, { limit: 5, name: 'a' }, 'query')).toEqual({
      limit: 5,
      name: 'a',
    });
  });

  it('answers 400 naming every wrong field', () => {
    const parse = () => parseInput(schema, { limit: 900 }, 'query');
    expect(parse).toThrow(InputError);
    expect(parse).toThrow(/^Invalid query: limit: .*500.*; name: /);
  });
});
