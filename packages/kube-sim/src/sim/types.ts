import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import type { ObjectStore } from '../store/types';
import type { Scenario } from '../scenario/types';

/** Path parameters of a pod subresource request, after authentication and RBAC. */
export interface PodRequestParams {
  namespace: string;
  name: string;
  query: URLSearchParams;
}

/**
 * What the simulation serves beyond plain object CRUD. The API layer authenticates and
 * authorizes first (pods/log get, pods/exec|attach|portforward create, metrics get), then calls
 * these.
 */
export interface SimulationHandlers {
  /** GET .../pods/{name}/log — plain text, chunked while `follow=true`. */
  log(req: IncomingMessage, res: ServerResponse, params: PodRequestParams): void;
  /** WebSocket upgrades of .../pods/{name}/exec|attach|portforward (v4/v5 channel protocols). */
  upgrade(
    subresource: 'exec' | 'attach' | 'portforward',
    req: IncomingMessage,
    socket: Duplex,
    head: Buffer,
    params: PodRequestParams,
  ): void;
  /** GET /apis/metrics.k8s.io/v1beta1/{nodes|pods}... ; only called when metrics are enabled. */
  metrics(
    req: IncomingMessage,
    res: ServerResponse,
    params: { resource: 'nodes' | 'pods'; namespace?: string; name?: string; query: URLSearchParams },
  ): void;
}

export interface SimulationOptions {
  store: ObjectStore;
  scenario: Scenario;
  /** Multiplies every simulated delay (back-off, start-up, log rate); tests use small values. */
  timeScale?: number;
}

export interface Simulation {
  handlers: SimulationHandlers;
  stop(): Promise<void>;
}
