/** One server-sent event. */
export type SseMessage = { id?: string; event: string; data: string };

/**
 * Incremental parser of the `text/event-stream` format: feed it text as it arrives and it
 * returns the events completed so far, keeping partial lines for the next chunk.
 */
export class SseParser {
  #buffer = '';
  #data: string[] = [];
  #event = '';
  #id: string | undefined;
  /** The last `retry:` the server asked for, in milliseconds. */
  retryMs: number | undefined;

  feed(chunk: string): SseMessage[] {
    this.#buffer += chunk;
    const messages: SseMessage[] = [];
    let newline = this.#buffer.search(/\r\n|\n|\r/);
    while (newline !== -1) {
      // a lone \r at the very end may be the first half of \r\n: wait for more
      if (
        this.#buffer[newline] === '\r' &&
        newline === this.#buffer.length - 1
      ) {
        break;
      }
      const line = this.#buffer.slice(0, newline);
      const width = this.#buffer.startsWith('\r\n', newline) ? 2 : 1;
      this.#buffer = this.#buffer.slice(newline + width);
      const message = this.#line(line);
      if (message) {
        messages.push(message);
      }
      newline = this.#buffer.search(/\r\n|\n|\r/);
    }
    return messages;
  }

  #line(line: string): SseMessage | undefined {
    if (line === '') {
      return this.#dispatch();
    }
    if (line.startsWith(':')) {
      return undefined;
    }
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) {
      value = value.slice(1);
    }
    if (field === 'data') {
      this.#data.push(value);
    } else if (field === 'event') {
      this.#event = value;
    } else if (field === 'id' && !value.includes('\0')) {
      this.#id = value;
    } else if (field === 'retry' && /^\d+$/.test(value)) {
      this.retryMs = Number(value);
    }
    return undefined;
  }

  #dispatch(): SseMessage | undefined {
    const data = this.#data;
    const event = this.#event || 'message';
    this.#data = [];
    this.#event = '';
    if (data.length === 0) {
      return undefined;
    }
    return { id: this.#id, event, data: data.join('\n') };
  }
}
