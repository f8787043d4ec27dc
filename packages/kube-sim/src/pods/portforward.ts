import type { WebSocket } from 'ws';
import type { KubeObject } from '../store/types';
import { connectionRefused, listeningPorts, PortResponder } from './portresponder';

/** WebSocket subprotocols of port-forward (client-node speaks the v4 channel protocol). */
export const PortForwardProtocols = ['v4.channel.k8s.io', 'portforward.k8s.io'];

/** Ports requested with `ports=80&ports=8080` or `ports=80,8080`. */
export function requestedPorts(query: URLSearchParams): number[] {
  return query.getAll('ports').flatMap(p => p.split(',')).map(Number).filter(p => Number.isInteger(p) && p > 0 && p < 65536);
}

const portPrefix = (channel: number, port: number) => {
  const frame = Buffer.alloc(3);
  frame[0] = channel;
  frame.writeUInt16LE(port, 1);
  return frame;
};

/**
 * Port-forward over the WebSocket channel protocol: port i uses data channel 2i and error
 * channel 2i+1, each opened with the port number (2 bytes, little-endian).
 */
export function runPortForwardWebSocket(ws: WebSocket, pod: KubeObject, ports: number[]): void {
  const listening = listeningPorts(pod);
  const responders = ports.map(port => {
    const container = listening.get(port);
    return container ? new PortResponder(pod, port, container) : undefined;
  });
  ports.forEach((port, i) => {
    ws.send(portPrefix(2 * i, port), { binary: true });
    ws.send(portPrefix(2 * i + 1, port), { binary: true });
  });
  ws.on('message', (data: Buffer, isBinary: boolean) => {
    if (!isBinary || data.length < 1) return;
    const channel = data[0];
    const index = channel >> 1;
    if (channel % 2 !== 0 || index >= ports.length) return;
    const responder = responders[index];
    if (!responder) {
      ws.send(Buffer.concat([Buffer.from([channel + 1]), Buffer.from(connectionRefused(pod, ports[index]))]), { binary: true });
      return;
    }
    const { reply, close } = responder.feed(data.subarray(1));
    if (reply.length) ws.send(Buffer.concat([Buffer.from([channel]), reply]), { binary: true });
    if (close) ws.close(1000);
  });
}
