import type { IncomingMessage, ServerResponse } from 'node:http';
import { parse as parseYaml } from 'yaml';
import { ApiError, badRequest, statusObject, toApiError } from './status';
import { decodeKubernetesProtobuf } from './protobuf/decode';

const MAX_BODY = 8 * 1024 * 1024;

export async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new ApiError(413, 'RequestEntityTooLarge', 'Request entity too large: limit is 8388608');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/** Parses a JSON or YAML request body into a plain value. */
export function parseBody(body: Buffer, contentType: string | undefined): unknown {
  if (contentType?.includes('protobuf')) return decodeKubernetesProtobuf(body);
  if (contentType?.includes('cbor')) {
    throw new ApiError(415, 'UnsupportedMediaType', 'the body of the request was in an unknown format - accepted media types include: application/json, application/yaml, application/vnd.kubernetes.protobuf');
  }
  const text = body.toString('utf8');
  if (!text.trim()) throw badRequest('the body of the request was empty');
  try {
    if (contentType?.includes('yaml')) return parseYaml(text);
    return JSON.parse(text);
  } catch (error) {
    if (!contentType?.includes('json')) {
      try {
        return parseYaml(text);
      } catch {
        // report the JSON error below
      }
    }
    throw badRequest(`error decoding request body: ${(error as Error).message}`);
  }
}

export function sendJson(res: ServerResponse, code: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(code, {
    'Content-Type': 'application/json',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-cache, private',
  });
  res.end(text);
}

export function sendError(res: ServerResponse, error: unknown): void {
  const e = toApiError(error);
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const headers: Record<string, string> = {};
  if (e.details?.retryAfterSeconds) headers['Retry-After'] = String(e.details.retryAfterSeconds);
  for (const [k, v] of Object.entries(headers)) res.setHeader(k, v);
  sendJson(res, e.code, statusObject(e.code, e.reason, e.message, e.details, e.listMeta));
}

/** Writes a large JSON array payload in chunks, waiting for the socket to drain. */
export async function streamJsonList(
  res: ServerResponse,
  head: Record<string, unknown>,
  items: unknown[],
): Promise<void> {
  res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-cache, private' });
  const headText = JSON.stringify({ ...head, items: [] });
  res.write(headText.slice(0, -2));
  const batch = 200;
  for (let i = 0; i < items.length; i += batch) {
    const slice = items.slice(i, i + batch).map(item => JSON.stringify(item)).join(',');
    const ok = res.write(i === 0 ? slice : `,${slice}`);
    if (!ok) await new Promise<void>(resolve => res.once('drain', () => resolve()));
  }
  res.end(']}');
}
