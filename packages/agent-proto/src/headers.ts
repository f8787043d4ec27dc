import type { IncomingHttpHeaders, OutgoingHttpHeaders } from 'node:http';
import type { Header } from './generated/kubedeck/agent/v1/Header';

/** Hop-by-hop headers that never cross the tunnel (RFC 9110 §7.6.1). */
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'transfer-encoding',
  'te',
  'trailer',
  'upgrade',
  'host',
  'content-length',
]);

/** Header list for the wire; `keepUpgrade` keeps Connection/Upgrade for upgrade requests. */
export function toWireHeaders(
  headers: IncomingHttpHeaders,
  options: { keepUpgrade?: boolean; drop?: (name: string) => boolean } = {},
): Header[] {
  const result: Header[] = [];
  for (const [name, value] of Object.entries(headers)) {
    const lower = name.toLowerCase();
    const upgradeHeader = lower === 'upgrade' || lower === 'connection';
    if (
      value === undefined ||
      (HOP_BY_HOP.has(lower) && !(options.keepUpgrade && upgradeHeader)) ||
      options.drop?.(lower)
    ) {
      continue;
    }
    for (const item of Array.isArray(value) ? value : [value]) {
      result.push({ name: lower, value: String(item) });
    }
  }
  return result;
}

/** Headers for Node's http APIs; repeated names become arrays. */
export function fromWireHeaders(
  headers: ReadonlyArray<{ name?: string; value?: string }>,
): OutgoingHttpHeaders {
  const result: Record<string, string | string[]> = {};
  for (const { name, value } of headers) {
    if (!name || value === undefined) {
      continue;
    }
    const existing = result[name];
    if (existing === undefined) {
      result[name] = value;
    } else {
      result[name] = Array.isArray(existing)
        ? [...existing, value]
        : [existing, value];
    }
  }
  return result;
}
