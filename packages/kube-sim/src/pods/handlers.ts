import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { sendError } from '../api/http';
import { statusObject, toApiError } from '../api/status';
import type { KubeObject } from '../store/types';
import type { PodRequestParams, SimulationHandlers } from '../sim/types';
import type { SimulationParts } from '../sim';
import { runAttach } from './attach';
import { ChannelStream, RemoteCommandProtocols, type RemoteStreams } from './channel';
import { SpdySession } from './spdy';
import { acceptRemoteStreams, SpdyRemoteCommandProtocols } from './spdyexec';
import { ContainerFilesystems, execOptions, runExec } from './exec';
import { serveLog } from './logs';
import { containerNotFound, findPod, pickContainer } from './podlookup';
import { PortForwardProtocols, requestedPorts, runPortForwardWebSocket } from './portforward';
import { SpdyTunnelProtocol, acceptSpdyUpgrade, runPortForwardSpdy, webSocketDuplex } from './spdyportforward';

/** Picks the first protocol we speak, in our order of preference, among those offered. */
function chooser(supported: string[]) {
  return (offered: Set<string>) => supported.find(p => offered.has(p)) ?? false;
}

/** Answers a failed upgrade with a Status, as the API server does before switching protocols. */
function rejectUpgrade(socket: Duplex, error: unknown): void {
  const e = toApiError(error);
  const body = JSON.stringify(statusObject(e.code, e.reason, e.message, e.details));
  socket.end(`HTTP/1.1 ${e.code} ${e.reason}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
}

function isRunning(pod: KubeObject, container: string): boolean {
  const statuses = [
    ...((pod.status as { containerStatuses?: Array<{ name: string; state?: { running?: unknown } }> })?.containerStatuses ?? []),
    ...((pod.status as { initContainerStatuses?: Array<{ name: string; state?: { running?: unknown } }> })?.initContainerStatuses ?? []),
  ];
  return Boolean(statuses.find(s => s.name === container)?.state?.running);
}

const isWebSocket = (req: IncomingMessage) => (req.headers.upgrade ?? '').toLowerCase() === 'websocket';

/** The simulation's pod log, exec/attach/portforward and metrics endpoints. */
export function createHandlers(parts: SimulationParts): SimulationHandlers {
  const files = new ContainerFilesystems(parts.ctx.store);
  const commands = new WebSocketServer({ noServer: true, handleProtocols: chooser(RemoteCommandProtocols), perMessageDeflate: false });
  const forwards = new WebSocketServer({ noServer: true, handleProtocols: chooser([SpdyTunnelProtocol, ...PortForwardProtocols]), perMessageDeflate: false });

  const remoteCommand = (kind: 'exec' | 'attach', req: IncomingMessage, socket: Duplex, head: Buffer, params: PodRequestParams) => {
    const pod = findPod(parts.ctx.store, params.namespace, params.name);
    const container = pickContainer(pod, params.query.get('container'));
    if (!isRunning(pod, container.name)) throw containerNotFound(container.name);
    const options = execOptions(params.query);
    const run = (stream: RemoteStreams) => {
      if (kind === 'exec') runExec(stream, parts.ctx.store, files, pod, container, options);
      else runAttach(parts, stream, pod, container, options);
    };
    if (!isWebSocket(req)) {
      const upgraded = acceptSpdyUpgrade(req, socket, head, SpdyRemoteCommandProtocols);
      acceptRemoteStreams(new SpdySession(upgraded.socket), upgraded.protocol, params.query, run);
      return;
    }
    commands.handleUpgrade(req, socket, head, (ws: WebSocket) => run(new ChannelStream(ws, ws.protocol || 'channel.k8s.io')));
  };

  const portForward = (req: IncomingMessage, socket: Duplex, head: Buffer, params: PodRequestParams) => {
    const pod = findPod(parts.ctx.store, params.namespace, params.name);
    if ((pod.status as { phase?: string })?.phase !== 'Running') throw containerNotFound(pod.metadata.name);
    if (!isWebSocket(req)) {
      runPortForwardSpdy(acceptSpdyUpgrade(req, socket, head, ['portforward.k8s.io']).socket, pod);
      return;
    }
    forwards.handleUpgrade(req, socket, head, (ws: WebSocket) => {
      if (ws.protocol === SpdyTunnelProtocol) runPortForwardSpdy(webSocketDuplex(ws), pod);
      else runPortForwardWebSocket(ws, pod, requestedPorts(params.query));
    });
  };

  return {
    log: (req, res, params) => serveLog(parts, req, res, params),
    upgrade(subresource, req, socket, head, params) {
      try {
        if (subresource === 'portforward') portForward(req, socket, head, params);
        else remoteCommand(subresource, req, socket, head, params);
      } catch (error) {
        rejectUpgrade(socket, error);
      }
    },
    metrics(_req, res, params) {
      try {
        parts.metrics.serve(res, params);
      } catch (error) {
        sendError(res, error);
      }
    },
  };
}
