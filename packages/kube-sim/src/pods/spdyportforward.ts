import type { IncomingMessage } from 'node:http';
import { Duplex } from 'node:stream';
import type { WebSocket } from 'ws';
import type { KubeObject } from '../store/types';
import { badRequest } from '../api/status';
import { connectionRefused, listeningPorts, PortResponder } from './portresponder';
import { SpdySession, type SpdyStream } from './spdy';

/** kubectl ≥ 1.31 tunnels port-forward's SPDY session through a WebSocket with this subprotocol. */
export const SpdyTunnelProtocol = 'SPDY/3.1+portforward.k8s.io';

/**
 * Completes a plain `Upgrade: SPDY/3.1` handshake, choosing the first of `supported` the client
 * offers in X-Stream-Protocol-Version; hands back the raw socket and the protocol.
 */
export function acceptSpdyUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer, supported: string[]): { socket: Duplex; protocol: string } {
  const offered = ([] as string[]).concat(req.headers['x-stream-protocol-version'] ?? []).flatMap(v => v.split(',')).map(v => v.trim());
  const protocol = supported.find(p => offered.includes(p));
  if (!protocol) throw badRequest(`unable to upgrade: unable to negotiate protocol: client supports [${offered.join(' ')}], server supports [${supported.join(' ')}]`);
  socket.write(`HTTP/1.1 101 Switching Protocols\r\nConnection: Upgrade\r\nUpgrade: SPDY/3.1\r\nX-Stream-Protocol-Version: ${protocol}\r\n\r\n`);
  if (head.length) socket.unshift(head);
  return { socket, protocol };
}

/** A byte stream over WebSocket binary messages, for the tunnelled SPDY session. */
export function webSocketDuplex(ws: WebSocket): Duplex {
  const duplex = new Duplex({
    read() {},
    write(chunk: Buffer, _encoding, callback) {
      ws.send(chunk, { binary: true }, callback);
    },
    final(callback) {
      ws.close(1000);
      callback();
    },
  });
  ws.on('message', (data: Buffer) => duplex.push(data));
  ws.on('close', () => {
    duplex.push(null);
    duplex.destroy();
  });
  return duplex;
}

/**
 * The portforward.k8s.io protocol: the client opens an error stream and a data stream per
 * connection (headers streamType, port, requestID); data goes to the port's HTTP responder.
 */
export function runPortForwardSpdy(socket: Duplex, pod: KubeObject): void {
  const session = new SpdySession(socket);
  const errorStreams = new Map<string, SpdyStream>();
  const listening = listeningPorts(pod);
  session.on('error', () => session.close());
  session.on('stream', (stream: SpdyStream) => {
    const type = stream.headers.streamtype;
    const port = Number(stream.headers.port);
    const requestId = stream.headers.requestid ?? '';
    if (type === 'error') {
      errorStreams.set(requestId, stream);
      stream.on('end', () => stream.end());
      return;
    }
    if (type !== 'data') {
      stream.end();
      return;
    }
    const container = listening.get(port);
    if (!container) {
      errorStreams.get(requestId)?.write(Buffer.from(connectionRefused(pod, port)));
      errorStreams.get(requestId)?.end();
      stream.end();
      return;
    }
    const responder = new PortResponder(pod, port, container);
    stream.on('data', (data: Buffer) => {
      const { reply, close } = responder.feed(data);
      if (reply.length) stream.write(reply);
      if (close) stream.end();
    });
    stream.on('end', () => {
      stream.end();
      errorStreams.get(requestId)?.end();
      errorStreams.delete(requestId);
    });
  });
}
