import { PassThrough, Writable } from 'node:stream';
import { FlowReceiver, FlowSender, MAX_DATA_FRAME } from './flow';

describe('FlowSender', () => {
  it('sends no more than the window until the receiver grants credit', async () => {
    const frames: Buffer[] = [];
    const sender = new FlowSender(chunk => frames.push(chunk), 100_000);
    const source = new PassThrough();
    let ended = false;
    sender.pipeFrom(source, () => {
      ended = true;
    });
    source.end(Buffer.alloc(250_000, 1));
    await new Promise(resolve => setImmediate(resolve));

    expect(sender.sentBytes).toBe(100_000);
    expect(frames.every(f => f.length <= MAX_DATA_FRAME)).toBe(true);
    expect(ended).toBe(false);

    sender.grant(100_000);
    expect(sender.sentBytes).toBe(200_000);
    sender.grant(100_000);
    await new Promise(resolve => setImmediate(resolve));
    expect(sender.sentBytes).toBe(250_000);
    expect(ended).toBe(true);
  });
});

describe('FlowReceiver', () => {
  it('grants credit only for bytes its destination has taken', async () => {
    const grants: number[] = [];
    let release: () => void = () => {};
    const target = new Writable({
      write(_chunk, _encoding, callback) {
        release = callback;
      },
    });
    const receiver = new FlowReceiver(target, bytes => grants.push(bytes));
    receiver.write(Buffer.alloc(10));
    await new Promise(resolve => setImmediate(resolve));
    expect(grants).toEqual([]);

    release();
    await new Promise(resolve => setImmediate(resolve));
    expect(grants).toEqual([10]);
  });
});
