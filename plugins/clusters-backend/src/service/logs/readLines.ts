import type { Readable } from 'node:stream';

/**
 * Splits a byte stream into lines (without the newline). A last line without a newline is
 * yielded only when `keepPartial` says so: a cut follow stream may have stopped mid-line.
 */
export async function* readLines(
  stream: Readable,
  keepPartial: () => boolean,
): AsyncGenerator<string> {
  let carry = '';
  stream.setEncoding('utf8');
  for await (const chunk of stream) {
    carry += chunk;
    let newline = carry.indexOf('\n');
    while (newline !== -1) {
      yield carry.slice(0, newline).replace(/\r$/, '');
      carry = carry.slice(newline + 1);
      newline = carry.indexOf('\n');
    }
  }
  if (carry && keepPartial()) {
    yield carry;
  }
}
