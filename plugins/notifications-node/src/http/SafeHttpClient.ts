import dns, { LookupAddress } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import {
  AddressAllowlist,
  forbiddenAddressReason,
  ipLiteral,
} from './addresses';

/** @public */
export interface SafeHttpRequest {
  url: string;
  method?: 'GET' | 'POST' | 'PUT';
  headers?: Record<string, string>;
  body?: string;
  timeoutMs?: number;
}

/** @public */
export interface SafeHttpResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
  /** The URL that answered, after redirects. */
  url: string;
}

/**
 * Thrown when a URL points at an address the backend must not call. Its message names the
 * host and the reason, never the full URL (which may carry a token).
 *
 * @public
 */
export class ForbiddenAddressError extends Error {
  readonly name = 'ForbiddenAddressError';
}

/** @public */
export interface SafeHttpClientOptions {
  allowPrivateNetworks?: AddressAllowlist;
  maxRedirects?: number;
  maxResponseBytes?: number;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/**
 * HTTP client for user-supplied URLs (webhooks): refuses loopback, private, link-local and
 * metadata addresses when the URL is an IP literal, when DNS resolves the host (checked in the
 * socket's own lookup, so there is no window between check and connect) and again on every
 * redirect hop, which it follows itself.
 *
 * @public
 */
export class SafeHttpClient {
  readonly #allowlist: AddressAllowlist;
  readonly #maxRedirects: number;
  readonly #maxResponseBytes: number;
  readonly #lookup: typeof dns.lookup;

  constructor(options: SafeHttpClientOptions = {}) {
    this.#allowlist = options.allowPrivateNetworks ?? [];
    this.#maxRedirects = options.maxRedirects ?? 3;
    this.#maxResponseBytes = options.maxResponseBytes ?? 1024 * 1024;
    this.#lookup = this.#guardedLookup.bind(this) as typeof dns.lookup;
  }

  /** Checks a URL without calling it: scheme, and the address when it is an IP literal. */
  assertAllowedUrl(raw: string): URL {
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      throw new ForbiddenAddressError('Not a valid URL');
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      throw new ForbiddenAddressError(`Scheme ${url.protocol} is not allowed`);
    }
    if (url.username || url.password) {
      throw new ForbiddenAddressError('URLs with credentials are not allowed');
    }
    const literal = ipLiteral(url.hostname);
    const reason = literal && forbiddenAddressReason(literal, this.#allowlist);
    if (reason) {
      throw new ForbiddenAddressError(`Refusing ${url.hostname}: ${reason}`);
    }
    return url;
  }

  /** POSTs `payload` as JSON: what every chat webhook and bot API call is. */
  postJson(url: string, payload: unknown): Promise<SafeHttpResponse> {
    return this.request({
      url,
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(payload),
    });
  }

  async request(request: SafeHttpRequest): Promise<SafeHttpResponse> {
    let url = this.assertAllowedUrl(request.url);
    let current: SafeHttpRequest = request;
    for (let hop = 0; ; hop++) {
      const response = await this.#once(url, current);
      const location = response.headers.location;
      if (!REDIRECTS.has(response.status) || !location) {
        return response;
      }
      if (hop >= this.#maxRedirects) {
        throw new Error(`Too many redirects from ${new URL(request.url).host}`);
      }
      url = this.assertAllowedUrl(new URL(location, url).toString());
      if (response.status === 303) {
        current = { ...current, method: 'GET', body: undefined };
      }
    }
  }

  #guardedLookup(
    hostname: string,
    options: dns.LookupOptions,
    callback: (
      error: NodeJS.ErrnoException | null,
      address: string | LookupAddress[],
      family?: number,
    ) => void,
  ): void {
    dns.lookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) {
        callback(error, []);
        return;
      }
      for (const { address } of addresses) {
        const reason = forbiddenAddressReason(address, this.#allowlist);
        if (reason) {
          callback(
            new ForbiddenAddressError(
              `Refusing ${hostname}: resolves to a ${reason.replace(
                / address$/,
                '',
              )} address`,
            ),
            [],
          );
          return;
        }
      }
      if (options.all) {
        callback(null, addresses);
      } else {
        callback(null, addresses[0].address, addresses[0].family);
      }
    });
  }

  #once(url: URL, request: SafeHttpRequest): Promise<SafeHttpResponse> {
    const transport = url.protocol === 'https:' ? https : http;
    return new Promise((resolve, reject) => {
      const req = transport.request(
        url,
        {
          method: request.method ?? 'GET',
          headers: request.headers,
          lookup: this.#lookup,
          agent: false,
          timeout: request.timeoutMs ?? 10_000,
        },
        res => {
          const chunks: Buffer[] = [];
          let size = 0;
          res.on('data', (chunk: Buffer) => {
            size += chunk.length;
            if (size <= this.#maxResponseBytes) chunks.push(chunk);
          });
          res.on('error', reject);
          res.on('end', () =>
            resolve({
              status: res.statusCode ?? 0,
              headers: res.headers,
              body: Buffer.concat(chunks).toString('utf8'),
              url: url.toString(),
            }),
          );
        },
      );
      req.on('timeout', () =>
        req.destroy(new Error(`Timed out calling ${url.host}`)),
      );
      req.on('error', reject);
      req.end(request.body);
    });
  }
}
