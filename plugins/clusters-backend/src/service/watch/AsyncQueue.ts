/** A FIFO whose reader waits for the next item; `close()` ends the waiting. */
export class AsyncQueue<T> {
  readonly #items: T[] = [];
  #wake?: () => void;
  #closed = false;

  push(...items: T[]) {
    this.#items.push(...items);
    this.#wake?.();
  }

  get size(): number {
    return this.#items.length;
  }

  close() {
    this.#closed = true;
    this.#wake?.();
  }

  /** The next item, or undefined once closed and empty. */
  async next(): Promise<T | undefined> {
    while (this.#items.length === 0 && !this.#closed) {
      await this.#waitForPush();
    }
    return this.#items.shift();
  }

  #waitForPush(): Promise<void> {
    return new Promise(resolve => {
      this.#wake = resolve;
    });
  }
}
