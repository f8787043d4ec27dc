import type { WebSocket } from 'ws';

/** Subprotocols of the remote command (exec/attach) WebSocket API, newest first. */
export const RemoteCommandProtocols = ['v5.channel.k8s.io', 'v4.channel.k8s.io', 'v3.channel.k8s.io', 'v2.channel.k8s.io', 'channel.k8s.io'];

export const Channel = { stdin: 0, stdout: 1, stderr: 2, error: 3, resize: 4, close: 255 } as const;

export interface TerminalSize {
  width: number;
  height: number;
}

/** The streams of one exec/attach session, whatever carries them (WebSocket channels or SPDY). */
export interface RemoteStreams {
  readonly closed: boolean;
  onStdin(listener: (data: Buffer) => void): void;
  onStdinEnd(listener: () => void): void;
  onResize(listener: (size: TerminalSize) => void): void;
  onClose(listener: () => void): void;
  stdout(data: string | Buffer): void;
  stderr(data: string | Buffer): void;
  /** Reports how the command ended, then closes the session. */
  exit(code: number, command: string[]): void;
  /** Ends the session with a failure that is not an exit code. */
  fail(message: string): void;
}

/** What the error stream carries when a session ends: a Status (v4+) or plain text (older). */
export function errorPayload(protocol: string, outcome: { code: number; command: string[] } | { failure: string }): string | undefined {
  const structured = protocol.startsWith('v4') || protocol.startsWith('v5');
  if ('failure' in outcome) {
    const status = { metadata: {}, status: 'Failure', message: outcome.failure, reason: 'InternalError', details: { causes: [{ message: outcome.failure }] }, code: 500 };
    return structured ? JSON.stringify(status) : outcome.failure;
  }
  if (structured) return JSON.stringify(exitStatus(outcome.code, outcome.command));
  return outcome.code === 0 ? undefined : exitStatus(outcome.code, outcome.command).message;
}

/**
 * One exec/attach connection speaking the k8s channel protocol: each binary message starts
 * with its channel byte. v4+ report the exit as a Status on the error channel; v5 lets the
 * client close stdin with [255, 0].
 */
export class ChannelStream implements RemoteStreams {
  private stdinListeners: Array<(data: Buffer) => void> = [];
  private stdinEndListeners: Array<() => void> = [];
  private resizeListeners: Array<(size: TerminalSize) => void> = [];
  private closeListeners: Array<() => void> = [];
  private finished = false;

  constructor(private readonly ws: WebSocket, readonly protocol: string) {
    ws.on('message', (data: Buffer, isBinary: boolean) => this.onMessage(Buffer.isBuffer(data) ? data : Buffer.from(data as ArrayBuffer), isBinary));
    ws.on('close', () => {
      this.finished = true;
      this.closeListeners.forEach(l => l());
    });
  }

  get closed(): boolean {
    return this.finished;
  }

  onStdin(listener: (data: Buffer) => void): void {
    this.stdinListeners.push(listener);
  }

  onStdinEnd(listener: () => void): void {
    this.stdinEndListeners.push(listener);
  }

  onResize(listener: (size: TerminalSize) => void): void {
    this.resizeListeners.push(listener);
  }

  onClose(listener: () => void): void {
    this.closeListeners.push(listener);
  }

  stdout(data: string | Buffer): void {
    this.send(Channel.stdout, data);
  }

  stderr(data: string | Buffer): void {
    this.send(Channel.stderr, data);
  }

  /** Reports the exit code the way the kubelet does, then closes the connection. */
  exit(code: number, command: string[]): void {
    this.finish(errorPayload(this.protocol, { code, command }));
  }

  fail(message: string): void {
    this.finish(errorPayload(this.protocol, { failure: message }));
  }

  private finish(payload: string | undefined): void {
    if (this.finished) return;
    if (payload !== undefined) this.send(Channel.error, payload);
    this.close();
  }

  close(): void {
    if (this.finished) return;
    this.finished = true;
    this.ws.close(1000);
  }

  private send(channel: number, data: string | Buffer): void {
    if (this.finished || this.ws.readyState !== this.ws.OPEN) return;
    const payload = typeof data === 'string' ? Buffer.from(data) : data;
    this.ws.send(Buffer.concat([Buffer.from([channel]), payload]), { binary: true });
  }

  private onMessage(data: Buffer, isBinary: boolean): void {
    if (!isBinary || data.length === 0) return;
    const channel = data[0];
    const payload = data.subarray(1);
    if (channel === Channel.stdin) {
      if (payload.length) this.stdinListeners.forEach(l => l(payload));
    } else if (channel === Channel.resize) {
      try {
        const size = JSON.parse(payload.toString()) as { Width?: number; Height?: number };
        this.resizeListeners.forEach(l => l({ width: size.Width ?? 80, height: size.Height ?? 24 }));
      } catch {
        // a malformed resize is ignored, as the kubelet does
      }
    } else if (channel === Channel.close && payload[0] === Channel.stdin) {
      this.stdinEndListeners.forEach(l => l());
    }
  }
}

/** The Status the kubelet writes on the error channel when a command ends. */
export function exitStatus(code: number, command: string[]) {
  if (code === 0) return { metadata: {}, status: 'Success' };
  return {
    metadata: {},
    status: 'Failure',
    message: `command terminated with non-zero exit code: error executing command [${command.join(' ')}], exit code ${code}`,
    reason: 'NonZeroExitCode',
    details: { causes: [{ reason: 'ExitCode', message: String(code) }] },
  };
}
