import { EventEmitter } from 'node:events';
import type { Duplex } from 'node:stream';
import zlib from 'node:zlib';
// The SPDY/3 header compression dictionary (data from the SPDY spec) as spdy-transport ships it.
import spdyDictionaries from 'spdy-transport/lib/spdy-transport/protocol/spdy/dictionary';

const Version = 3;
const Type = { synStream: 1, synReply: 2, rstStream: 3, settings: 4, ping: 6, goAway: 7, headers: 8, windowUpdate: 9 } as const;
const FlagFin = 0x01;
const MaxChunk = 16 * 1024;

const uint32 = (n: number) => {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n >>> 0, 0);
  return b;
};

const dictionary: Buffer = (spdyDictionaries as Record<number, Buffer>)[3];

/** One stream of a SPDY session: headers from the client's SYN_STREAM, data both ways. */
export class SpdyStream extends EventEmitter {
  closedByPeer = false;
  private closed = false;

  constructor(private readonly session: SpdySession, readonly id: number, readonly headers: Record<string, string>) {
    super();
  }

  write(data: Buffer): void {
    if (this.closed) return;
    for (let i = 0; i < data.length; i += MaxChunk) this.session.sendData(this.id, data.subarray(i, i + MaxChunk), false);
  }

  /** Half-closes our side (DATA frame with FIN). */
  end(): void {
    if (this.closed) return;
    this.closed = true;
    this.session.sendData(this.id, Buffer.alloc(0), true);
  }
}

/**
 * The server side of a SPDY/3.1 session, as Kubernetes' port-forward protocol uses it: accepts
 * streams (replying with empty headers), carries data frames, answers pings. Header blocks are
 * zlib streams with the SPDY dictionary, one per direction for the whole session.
 */
export class SpdySession extends EventEmitter {
  private buffer = Buffer.alloc(0);
  private readonly streams = new Map<number, SpdyStream>();
  private readonly inflater = zlib.createInflate({ dictionary });
  private readonly deflater = zlib.createDeflate({ dictionary });
  private work: Promise<void> = Promise.resolve();
  private ended = false;

  constructor(private readonly socket: Duplex) {
    super();
    socket.on('data', (chunk: Buffer) => {
      this.buffer = Buffer.concat([this.buffer, chunk]);
      this.work = this.work.then(() => this.drain()).catch(error => this.fail(error));
    });
    socket.on('close', () => this.shutdown());
    socket.on('error', () => this.shutdown());
  }

  sendData(id: number, data: Buffer, fin: boolean): void {
    const head = Buffer.alloc(8);
    head.writeUInt32BE(id & 0x7fffffff, 0);
    head.writeUInt32BE(((fin ? FlagFin : 0) << 24) | data.length, 4);
    this.socketWrite(Buffer.concat([head, data]));
  }

  close(): void {
    this.shutdown();
    this.socket.end();
  }

  private socketWrite(data: Buffer) {
    if (!this.ended && this.socket.writable) this.socket.write(data);
  }

  private control(type: number, flags: number, body: Buffer): Buffer {
    const head = Buffer.alloc(8);
    head.writeUInt16BE(0x8000 | Version, 0);
    head.writeUInt16BE(type, 2);
    head.writeUInt32BE((flags << 24) | body.length, 4);
    return Buffer.concat([head, body]);
  }

  private async drain(): Promise<void> {
    while (this.buffer.length >= 8) {
      const length = this.buffer.readUInt32BE(4) & 0xffffff;
      if (this.buffer.length < 8 + length) return;
      const frame = this.buffer.subarray(0, 8 + length);
      this.buffer = this.buffer.subarray(8 + length);
      await this.handle(frame);
    }
  }

  private async handle(frame: Buffer): Promise<void> {
    const flags = frame[4];
    const body = frame.subarray(8);
    if ((frame[0] & 0x80) === 0) {
      const stream = this.streams.get(frame.readUInt32BE(0) & 0x7fffffff);
      if (!stream) return;
      if (body.length) stream.emit('data', Buffer.from(body));
      if (flags & FlagFin) {
        stream.closedByPeer = true;
        stream.emit('end');
      }
      return;
    }
    const type = frame.readUInt16BE(2);
    if (type === Type.synStream) {
      await this.onSynStream(body, flags);
      return;
    }
    if (type === Type.ping) {
      this.socketWrite(this.control(Type.ping, 0, body));
      return;
    }
    if (type === Type.rstStream) {
      this.reset(body.readUInt32BE(0) & 0x7fffffff);
      return;
    }
    if (type === Type.headers) await this.inflate(body.subarray(4));
    if (type === Type.goAway) this.close();
  }

  private async onSynStream(body: Buffer, flags: number): Promise<void> {
    const id = body.readUInt32BE(0) & 0x7fffffff;
    const headers = decodeHeaders(await this.inflate(body.subarray(10)));
    const stream = new SpdyStream(this, id, headers);
    this.streams.set(id, stream);
    const reply = Buffer.concat([uint32(id), await this.deflate(encodeHeaders({}))]);
    this.socketWrite(this.control(Type.synReply, 0, reply));
    this.emit('stream', stream);
    if (flags & FlagFin) {
      stream.closedByPeer = true;
      stream.emit('end');
    }
  }

  private reset(id: number): void {
    const stream = this.streams.get(id);
    if (!stream) return;
    this.streams.delete(id);
    stream.closedByPeer = true;
    stream.emit('reset');
    stream.emit('end');
  }

  private inflate(block: Buffer): Promise<Buffer> {
    return flushThrough(this.inflater, block);
  }

  private deflate(block: Buffer): Promise<Buffer> {
    return flushThrough(this.deflater, block);
  }

  private fail(error: unknown): void {
    this.emit('error', error);
    this.close();
  }

  private shutdown(): void {
    if (this.ended) return;
    this.ended = true;
    for (const stream of this.streams.values()) stream.emit('end');
    this.streams.clear();
    this.inflater.close();
    this.deflater.close();
    this.emit('close');
  }
}

/** Pushes `input` through a zlib stream and collects what comes out after a sync flush. */
function flushThrough(stream: zlib.Inflate | zlib.Deflate, input: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const onData = (chunk: Buffer) => chunks.push(chunk);
    stream.on('data', onData);
    stream.once('error', reject);
    stream.write(input);
    stream.flush(zlib.constants.Z_SYNC_FLUSH, () => {
      stream.off('data', onData);
      stream.off('error', reject);
      resolve(Buffer.concat(chunks));
    });
  });
}

export function encodeHeaders(headers: Record<string, string>): Buffer {
  const parts: Buffer[] = [uint32(Object.keys(headers).length)];
  for (const [name, value] of Object.entries(headers)) {
    parts.push(uint32(Buffer.byteLength(name)), Buffer.from(name), uint32(Buffer.byteLength(value)), Buffer.from(value));
  }
  return Buffer.concat(parts);
}

/** Header names are lower-cased; repeated values (NUL-separated) keep the first. */
export function decodeHeaders(block: Buffer): Record<string, string> {
  const headers: Record<string, string> = {};
  if (block.length < 4) return headers;
  const count = block.readUInt32BE(0);
  let offset = 4;
  for (let i = 0; i < count && offset < block.length; i++) {
    const nameLength = block.readUInt32BE(offset);
    const name = block.subarray(offset + 4, offset + 4 + nameLength).toString('utf8');
    offset += 4 + nameLength;
    const valueLength = block.readUInt32BE(offset);
    const value = block.subarray(offset + 4, offset + 4 + valueLength).toString('utf8');
    offset += 4 + valueLength;
    headers[name.toLowerCase()] = value.split('\0')[0];
  }
  return headers;
}
