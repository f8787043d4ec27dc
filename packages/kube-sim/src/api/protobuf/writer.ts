/** A minimal protobuf wire-format writer for length-delimited messages, strings, bools and varints. */
export class ProtoWriter {
  private readonly parts: Buffer[] = [];

  private varint(value: number): void {
    const bytes: number[] = [];
    let v = value;
    while (v > 0x7f) {
      bytes.push((v & 0x7f) | 0x80);
      v = Math.floor(v / 128);
    }
    bytes.push(v);
    this.parts.push(Buffer.from(bytes));
  }

  private tag(field: number, wire: number): void {
    this.varint(field * 8 + wire);
  }

  string(field: number, value: string | undefined): this {
    if (value === undefined || value === '') return this;
    const bytes = Buffer.from(value, 'utf8');
    this.tag(field, 2);
    this.varint(bytes.length);
    this.parts.push(bytes);
    return this;
  }

  strings(field: number, values: string[] | undefined): this {
    for (const v of values ?? []) this.string(field, v);
    return this;
  }

  bool(field: number, value: boolean | undefined): this {
    if (!value) return this;
    this.tag(field, 0);
    this.varint(1);
    return this;
  }

  message(field: number, build: ((w: ProtoWriter) => void) | undefined): this {
    if (!build) return this;
    const inner = new ProtoWriter();
    build(inner);
    const bytes = inner.finish();
    this.tag(field, 2);
    this.varint(bytes.length);
    this.parts.push(bytes);
    return this;
  }

  finish(): Buffer {
    return Buffer.concat(this.parts);
  }
}
