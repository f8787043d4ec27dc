import { errorPayload, type RemoteStreams, type TerminalSize } from './channel';
import type { SpdySession, SpdyStream } from './spdy';

/** Remote command protocols kubectl ≤ 1.29 negotiates over SPDY, newest first. */
export const SpdyRemoteCommandProtocols = ['v4.channel.k8s.io', 'v3.channel.k8s.io', 'v2.channel.k8s.io', 'channel.k8s.io'];

type StreamType = 'error' | 'stdin' | 'stdout' | 'stderr' | 'resize';

/** The streams a client opens for an exec/attach request with these query flags. */
export function expectedStreams(query: URLSearchParams): StreamType[] {
  const flag = (name: string) => query.get(name) === 'true' || query.get(name) === '1';
  const tty = flag('tty');
  return [
    'error' as const,
    ...(flag('stdin') ? ['stdin' as const] : []),
    ...(flag('stdout') ? ['stdout' as const] : []),
    ...(flag('stderr') && !tty ? ['stderr' as const] : []),
    ...(tty ? ['resize' as const] : []),
  ];
}

/**
 * An exec/attach session over SPDY (remotecommand): one stream per channel, opened by the
 * client with a streamType header; ending the session closes them and the connection.
 */
export class SpdyRemoteStreams implements RemoteStreams {
  private finished = false;
  private readonly closeListeners: Array<() => void> = [];

  constructor(private readonly session: SpdySession, private readonly streams: Map<string, SpdyStream>, private readonly protocol: string) {
    session.on('close', () => {
      this.finished = true;
      this.closeListeners.forEach(l => l());
    });
  }

  get closed(): boolean {
    return this.finished;
  }

  onStdin(listener: (data: Buffer) => void): void {
    this.streams.get('stdin')?.on('data', listener);
  }

  onStdinEnd(listener: () => void): void {
    this.streams.get('stdin')?.on('end', listener);
  }

  onResize(listener: (size: TerminalSize) => void): void {
    this.streams.get('resize')?.on('data', (data: Buffer) => {
      for (const line of data.toString().split('\n').filter(Boolean)) {
        try {
          const size = JSON.parse(line) as { Width?: number; Height?: number };
          listener({ width: size.Width ?? 80, height: size.Height ?? 24 });
        } catch {
          // a malformed resize is ignored, as the kubelet does
        }
      }
    });
  }

  onClose(listener: () => void): void {
    this.closeListeners.push(listener);
  }

  stdout(data: string | Buffer): void {
    this.write('stdout', data);
  }

  stderr(data: string | Buffer): void {
    this.write(this.streams.has('stderr') ? 'stderr' : 'stdout', data);
  }

  exit(code: number, command: string[]): void {
    this.finish(errorPayload(this.protocol, { code, command }));
  }

  fail(message: string): void {
    this.finish(errorPayload(this.protocol, { failure: message }));
  }

  private write(type: StreamType, data: string | Buffer): void {
    if (!this.finished) this.streams.get(type)?.write(typeof data === 'string' ? Buffer.from(data) : data);
  }

  private finish(payload: string | undefined): void {
    if (this.finished) return;
    if (payload !== undefined) this.write('error', payload);
    this.finished = true;
    for (const type of ['stdout', 'stderr', 'error'] as const) this.streams.get(type)?.end();
    setTimeout(() => this.session.close(), 100);
  }
}

/** Waits for the client to open every stream the request asks for, then starts the session. */
export function acceptRemoteStreams(session: SpdySession, protocol: string, query: URLSearchParams, start: (streams: RemoteStreams) => void): void {
  const expected = expectedStreams(query);
  const streams = new Map<string, SpdyStream>();
  const onStream = (stream: SpdyStream) => {
    streams.set(stream.headers.streamtype, stream);
    if (!expected.every(type => streams.has(type))) return;
    session.off('stream', onStream);
    start(new SpdyRemoteStreams(session, streams, protocol));
  };
  session.on('stream', onStream);
  session.on('error', () => session.close());
}
