import ipaddr from 'ipaddr.js';

/**
 * Addresses or CIDR ranges that are reachable even though they are private (for tests or an
 * internal webhook receiver an admin trusts).
 *
 * @public
 */
export type AddressAllowlist = string[];

function normalize(address: string): ipaddr.IPv4 | ipaddr.IPv6 | undefined {
  const bare = address.replace(/^\[|\]$/g, '');
  if (!ipaddr.isValid(bare)) {
    return undefined;
  }
  const parsed = ipaddr.parse(bare);
  if (
    parsed.kind() === 'ipv6' &&
    (parsed as ipaddr.IPv6).isIPv4MappedAddress()
  ) {
    return (parsed as ipaddr.IPv6).toIPv4Address();
  }
  return parsed;
}

function isAllowlisted(
  address: ipaddr.IPv4 | ipaddr.IPv6,
  allowlist: AddressAllowlist,
): boolean {
  return allowlist.some(entry => {
    const [range, bits] = entry.includes('/')
      ? ipaddr.parseCIDR(entry)
      : [ipaddr.parse(entry), entry.includes(':') ? 128 : 32];
    return range.kind() === address.kind() && address.match(range, bits);
  });
}

/**
 * Why an address must not be called from the backend, or undefined when it is a public unicast
 * address (or allowlisted). Loopback, private, link-local (cloud metadata), carrier-grade NAT,
 * unspecified, multicast, reserved and IPv4-mapped/embedded IPv6 forms are all refused.
 *
 * @public
 */
export function forbiddenAddressReason(
  address: string,
  allowlist: AddressAllowlist = [],
): string | undefined {
  const parsed = normalize(address);
  if (!parsed) {
    return 'not an IP address';
  }
  if (isAllowlisted(parsed, allowlist)) {
    return undefined;
  }
  const range = parsed.range();
  return range === 'unicast' ? undefined : `${range} address`;
}

/**
 * Whether a host name is an IP literal, in any form a URL parser or resolver accepts
 * (`127.1`, `0x7f000001`, `[::ffff:127.0.0.1]`).
 *
 * @public
 */
export function ipLiteral(host: string): string | undefined {
  const bare = host.replace(/^\[|\]$/g, '');
  if (ipaddr.isValid(bare)) {
    return bare;
  }
  return undefined;
}
