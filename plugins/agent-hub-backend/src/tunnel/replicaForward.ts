import https from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { statusFailure } from './HubExchange';

/** Another replica's cluster endpoint: its base URL and the certificate it serves. */
export type RemoteEndpoint = { url: string; ca: string };

function options(remote: RemoteEndpoint, req: IncomingMessage) {
  const base = new URL(remote.url);
  return {
    hostname: base.hostname,
    port: base.port,
    method: req.method,
    path: req.url,
    headers: { ...req.headers, host: base.host },
    ca: remote.ca,
    // The owner's certificate names 127.0.0.1; its address here may differ.
    checkServerIdentity: () => undefined,
  };
}

function failed(res: ServerResponse, error: Error) {
  if (!res.headersSent) {
    res.writeHead(502, { 'content-type': 'application/json' });
    res.end(
      JSON.stringify(
        statusFailure(502, `owner replica unreachable: ${error.message}`),
      ),
    );
  } else {
    res.destroy();
  }
}

/** Forwards a request for an agent cluster to the replica that holds the agent's stream. */
export function forwardToReplica(
  remote: RemoteEndpoint,
  req: IncomingMessage,
  res: ServerResponse,
): void {
  const outgoing = https.request(options(remote, req));
  outgoing.on('error', error => failed(res, error));
  outgoing.on('response', answer => {
    res.writeHead(answer.statusCode ?? 502, answer.headers);
    res.flushHeaders();
    answer.pipe(res);
  });
  res.once('close', () => outgoing.destroy());
  req.pipe(outgoing);
}

/** Forwards a connection upgrade (exec, attach, port-forward) to the owner replica. */
export function forwardUpgradeToReplica(
  remote: RemoteEndpoint,
  req: IncomingMessage,
  socket: Duplex,
  head: Buffer,
): void {
  const outgoing = https.request(options(remote, req));
  const rawHead = (answer: IncomingMessage) => {
    const lines = [`HTTP/1.1 ${answer.statusCode} ${answer.statusMessage}`];
    for (let i = 0; i < answer.rawHeaders.length; i += 2) {
      lines.push(`${answer.rawHeaders[i]}: ${answer.rawHeaders[i + 1]}`);
    }
    return `${lines.join('\r\n')}\r\n\r\n`;
  };
  socket.on('error', () => outgoing.destroy());
  outgoing.on('error', () => socket.destroy());
  outgoing.on('upgrade', (answer, upstream, upstreamHead) => {
    socket.write(rawHead(answer));
    if (upstreamHead.length > 0) socket.write(upstreamHead);
    if (head.length > 0) upstream.write(head);
    upstream.on('error', () => socket.destroy());
    upstream.pipe(socket).pipe(upstream);
  });
  outgoing.on('response', answer => {
    socket.write(rawHead(answer));
    answer.pipe(socket);
  });
  outgoing.end();
}
