import type { KubeObject } from '../store/types';

/** Ports the pod's containers declare: only those accept port-forwarded connections. */
export function listeningPorts(pod: KubeObject): Map<number, string> {
  const ports = new Map<number, string>();
  for (const c of (pod.spec as { containers: Array<{ name: string; ports?: Array<{ containerPort: number }> }> }).containers) {
    for (const p of c.ports ?? []) ports.set(p.containerPort, c.name);
  }
  return ports;
}

/** The error the kubelet reports when nothing listens on a forwarded port. */
export function connectionRefused(pod: KubeObject, port: number): string {
  return `error forwarding port ${port} to pod ${pod.metadata.uid}, uid : failed to execute portforward in network namespace "/var/run/netns/cni-${(pod.metadata.uid ?? '').slice(0, 8)}": failed to connect to localhost:${port} inside namespace "${pod.metadata.uid}", IPv4: dial tcp4 127.0.0.1:${port}: connect: connection refused IPv6 dial tcp6 [::1]:${port}: connect: connection refused `;
}

/**
 * A tiny HTTP/1.1 server for one forwarded connection: answers every request with a page
 * naming the pod, container and port. Returns the bytes to send back and whether to close.
 */
export class PortResponder {
  private pending = Buffer.alloc(0);

  constructor(private readonly pod: KubeObject, private readonly port: number, private readonly container: string) {}

  feed(data: Buffer): { reply: Buffer; close: boolean } {
    this.pending = Buffer.concat([this.pending, data]);
    const replies: Buffer[] = [];
    let close = false;
    for (;;) {
      const end = this.pending.indexOf('\r\n\r\n');
      if (end < 0) break;
      const head = this.pending.subarray(0, end).toString('latin1');
      const length = Number(/\r\ncontent-length:\s*(\d+)/i.exec(head)?.[1] ?? 0);
      if (this.pending.length < end + 4 + length) break;
      this.pending = this.pending.subarray(end + 4 + length);
      const [method = 'GET', path = '/', version = 'HTTP/1.1'] = head.split('\r\n')[0].split(' ');
      close = /\r\nconnection:\s*close/i.test(head) || version === 'HTTP/1.0';
      replies.push(this.respond(method, path, close));
      if (close) break;
    }
    return { reply: Buffer.concat(replies), close };
  }

  private respond(method: string, path: string, close: boolean): Buffer {
    const name = `${this.pod.metadata.namespace}/${this.pod.metadata.name}`;
    const body = path === '/healthz' || path === '/ready' ? 'ok\n' : `Hello from ${name} (container ${this.container}) on port ${this.port}: ${method} ${path}\n`;
    const head = [
      'HTTP/1.1 200 OK',
      'Server: kube-sim',
      `Date: ${new Date().toUTCString()}`,
      'Content-Type: text/plain; charset=utf-8',
      `Content-Length: ${Buffer.byteLength(body)}`,
      `Connection: ${close ? 'close' : 'keep-alive'}`,
    ].join('\r\n');
    return Buffer.from(`${head}\r\n\r\n${method === 'HEAD' ? '' : body}`);
  }
}
