import http from 'node:http';
import https from 'node:https';
import type { KubeConfig } from '@kubernetes/client-node';

/**
 * One request to a cluster's API server.
 *
 * @public
 */
export type KubeRequest = {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Path below the server URL, such as `/api/v1/namespaces/default/pods`. */
  path: string;
  query?: Record<string, string | number | boolean | undefined>;
  /** Sent as JSON unless it is a string or a Buffer. */
  body?: unknown;
  contentType?: string;
  headers?: Record<string, string>;
  signal?: AbortSignal;
};

/**
 * A response whose body is a stream; read it once.
 *
 * @public
 */
export type KubeResponse = {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: http.IncomingMessage;
};

const IMPERSONATION_HEADER = /^impersonate-/i;

/**
 * Removes every `Impersonate-*` header: only Kubedeck itself sets them, from the caller's
 * Backstage identity.
 *
 * @public
 */
export function stripImpersonationHeaders(
  headers: Record<string, string> = {},
): Record<string, string> {
  return Object.fromEntries(
    Object.entries(headers).filter(([key]) => !IMPERSONATION_HEADER.test(key)),
  );
}

/** Builds the full URL of a request from the current cluster of a KubeConfig. */
export function kubeRequestUrl(kubeConfig: KubeConfig, req: KubeRequest): URL {
  const server = kubeConfig.getCurrentCluster()?.server;
  if (!server) {
    throw new Error('The cluster configuration has no server URL');
  }
  const url = new URL(server.replace(/\/+$/, '') + req.path);
  for (const [key, value] of Object.entries(req.query ?? {})) {
    if (value !== undefined && value !== '') {
      url.searchParams.set(key, String(value));
    }
  }
  return url;
}

function encodeBody(req: KubeRequest): {
  payload?: Buffer;
  contentType?: string;
} {
  if (req.body === undefined) {
    return {};
  }
  if (Buffer.isBuffer(req.body) || typeof req.body === 'string') {
    return {
      payload: Buffer.from(req.body),
      contentType: req.contentType ?? 'application/yaml',
    };
  }
  return {
    payload: Buffer.from(JSON.stringify(req.body)),
    contentType: req.contentType ?? 'application/json',
  };
}

/**
 * Sends a request through a KubeConfig's current context (TLS, client certificates, tokens and
 * any headers its authenticators add). Rejects only when the server cannot be reached; any
 * HTTP status resolves.
 *
 * @public
 */
export async function sendKubeRequest(
  kubeConfig: KubeConfig,
  req: KubeRequest,
): Promise<KubeResponse> {
  const url = kubeRequestUrl(kubeConfig, req);
  const { payload, contentType } = encodeBody(req);
  const options: https.RequestOptions = {
    method: req.method ?? 'GET',
    headers: {
      Accept: 'application/json',
      ...stripImpersonationHeaders(req.headers),
      ...(contentType ? { 'Content-Type': contentType } : {}),
    },
  };
  await kubeConfig.applyToHTTPSOptions(options);
  const transport = url.protocol === 'http:' ? http : https;
  return new Promise((resolve, reject) => {
    const request = transport.request(url, { ...options, signal: req.signal });
    request.on('response', body =>
      resolve({ status: body.statusCode ?? 0, headers: body.headers, body }),
    );
    request.on('error', reject);
    request.end(payload);
  });
}

/**
 * Reads a whole response body as text.
 *
 * @public
 */
export async function readKubeBody(response: KubeResponse): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of response.body) {
    chunks.push(Buffer.from(chunk));
  }
  return Buffer.concat(chunks).toString('utf8');
}
