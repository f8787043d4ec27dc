import net from 'node:net';
import zlib from 'node:zlib';
import spdyDictionaries from 'spdy-transport/lib/spdy-transport/protocol/spdy/dictionary';
import { barePod } from '../sim/testing';
import { decodeHeaders, encodeHeaders } from './spdy';
import { runPortForwardSpdy } from './spdyportforward';

const dictionary = (spdyDictionaries as Record<number, Buffer>)[3];

/** A minimal SPDY/3 client: SYN_STREAM with compressed headers and DATA frames. */
class SpdyClient {
  private readonly deflate = zlib.createDeflate({ dictionary });
  private readonly inflate = zlib.createInflate({ dictionary });
  received = Buffer.alloc(0);

  constructor(readonly socket: net.Socket) {
    socket.on('data', (chunk: Buffer) => (this.received = Buffer.concat([this.received, chunk])));
  }

  async open(id: number, headers: Record<string, string>): Promise<void> {
    const block = await flush(this.deflate, encodeHeaders(headers));
    const body = Buffer.alloc(10);
    body.writeUInt32BE(id, 0);
    this.socket.write(Buffer.concat([control(1, Buffer.concat([body, block]))]));
  }

  data(id: number, payload: Buffer, fin = false): void {
    const head = Buffer.alloc(8);
    head.writeUInt32BE(id, 0);
    head.writeUInt32BE(((fin ? 1 : 0) << 24) | payload.length, 4);
    this.socket.write(Buffer.concat([head, payload]));
  }

  /** Frames received so far: control frames by type, data concatenated per stream. */
  async frames(): Promise<{ replies: Array<Record<string, string>>; data: Map<number, string> }> {
    const replies: Array<Record<string, string>> = [];
    const data = new Map<number, string>();
    let buf = this.received;
    while (buf.length >= 8) {
      const length = buf.readUInt32BE(4) & 0xffffff;
      const frame = buf.subarray(0, 8 + length);
      buf = buf.subarray(8 + length);
      if (frame[0] & 0x80) {
        if (frame.readUInt16BE(2) === 2) replies.push(decodeHeaders(await flush(this.inflate, frame.subarray(12))));
      } else {
        const id = frame.readUInt32BE(0);
        data.set(id, (data.get(id) ?? '') + frame.subarray(8).toString());
      }
    }
    return { replies, data };
  }
}

function control(type: number, body: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt16BE(0x8003, 0);
  head.writeUInt16BE(type, 2);
  head.writeUInt32BE(body.length, 4);
  return Buffer.concat([head, body]);
}

function flush(stream: zlib.Deflate | zlib.Inflate, input: Buffer): Promise<Buffer> {
  return new Promise(resolve => {
    const chunks: Buffer[] = [];
    const onData = (c: Buffer) => chunks.push(c);
    stream.on('data', onData);
    stream.write(input);
    stream.flush(zlib.constants.Z_SYNC_FLUSH, () => {
      stream.off('data', onData);
      resolve(Buffer.concat(chunks));
    });
  });
}

describe('SPDY port-forward', () => {
  it('round-trips header blocks', () => {
    expect(decodeHeaders(encodeHeaders({ streamType: 'data', port: '80' }))).toEqual({ streamtype: 'data', port: '80' });
  });

  it('answers an error+data stream pair with the pod HTTP responder', async () => {
    const pod = { ...barePod('web', 'apps', { containers: [{ name: 'web', image: 'nginx', ports: [{ containerPort: 80 }] }] }), metadata: { name: 'web', namespace: 'apps', uid: 'u1' } };
    const server = net.createServer(socket => runPortForwardSpdy(socket, pod));
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
    const socket = net.connect((server.address() as net.AddressInfo).port, '127.0.0.1');
    const client = new SpdyClient(socket);
    await client.open(1, { streamType: 'error', port: '80', requestID: '0' });
    await client.open(3, { streamType: 'data', port: '80', requestID: '0' });
    client.data(3, Buffer.from('GET /spdy HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n'));
    await new Promise(resolve => setTimeout(resolve, 200));
    const { replies, data } = await client.frames();
    expect(replies).toHaveLength(2);
    expect(data.get(3)).toMatch(/^HTTP\/1\.1 200 OK\r\n[\s\S]*Hello from apps\/web \(container web\) on port 80: GET \/spdy\n$/);
    socket.destroy();
    await new Promise(resolve => server.close(resolve));
  });
});
