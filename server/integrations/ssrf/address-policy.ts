import ipaddr from "ipaddr.js";

/**
 * Which addresses a connector may reach. Only ordinary public unicast addresses are allowed: loopback,
 * link-local (169.254.0.0/16, where cloud metadata lives), private and unique-local ranges, the unspecified
 * address, multicast, carrier-grade NAT, and every IPv6 form that embeds an IPv4 address (mapped, 6to4,
 * Teredo, NAT64) are refused — an allowlist of what is safe rather than a list of what is not.
 */

export class SsrfRefusedError extends Error {
  override name = "SsrfRefusedError";
  readonly code = "ESSRF";
}

/** `[::1]` → `::1`, lower case, no trailing dot: the form allowlists and checks compare. */
export function normalizeHost(hostname: string): string {
  let host = hostname.trim().toLowerCase();
  if (host.startsWith("[") && host.endsWith("]")) host = host.slice(1, -1);
  if (host.endsWith(".")) host = host.slice(0, -1);
  return host;
}

export function isIpLiteral(host: string): boolean {
  return ipaddr.isValid(normalizeHost(host));
}

/** Why `address` may not be reached, or null when it is a public unicast address. */
export function forbiddenAddressReason(address: string): string | null {
  const host = normalizeHost(address);
  if (!ipaddr.isValid(host)) return `${address} is not an IP address`;
  // process() turns an IPv4-mapped IPv6 address (::ffff:127.0.0.1) into the IPv4 address it stands for.
  const parsed = ipaddr.process(host);
  const range = parsed.range();
  if (range === "unicast") return null;
  return `${host} is a ${RANGE_WORDS[range] ?? `${range} address`}`;
}

const RANGE_WORDS: Record<string, string> = {
  loopback: "loopback address",
  private: "private-network address",
  uniqueLocal: "private-network address",
  linkLocal: "link-local address (where cloud metadata services live)",
  unspecified: "unspecified address",
  multicast: "multicast address",
  broadcast: "broadcast address",
  carrierGradeNat: "carrier-grade NAT address",
  reserved: "reserved address",
};

/** Names that mean "this machine" however DNS is set up. */
export function isLocalHostName(host: string): boolean {
  const name = normalizeHost(host);
  return name === "localhost" || name.endsWith(".localhost") || name === "localhost.localdomain";
}

export function isHostAllowlisted(host: string, allowedHosts: readonly string[]): boolean {
  const name = normalizeHost(host);
  return allowedHosts.some((allowed) => normalizeHost(allowed) === name);
}

/**
 * The check that can be made before any DNS lookup: refuses forbidden IP literals and local names unless
 * allowlisted. Host names that pass still have every resolved address checked (guarded-lookup.ts).
 */
export function assertHostMayBeContacted(host: string, allowedHosts: readonly string[]): void {
  if (isHostAllowlisted(host, allowedHosts)) return;
  const name = normalizeHost(host);
  if (isIpLiteral(name)) {
    const reason = forbiddenAddressReason(name);
    if (reason)
      throw new SsrfRefusedError(
        `Refused to connect to ${name}: it ${withoutSubject(reason, name)}. An admin can allow this host on the connector.`,
      );
    return;
  }
  if (isLocalHostName(name)) {
    throw new SsrfRefusedError(
      `Refused to connect to ${name}: it names this machine. An admin can allow this host on the connector.`,
    );
  }
}

function withoutSubject(reason: string, host: string): string {
  return reason.startsWith(`${host} `) ? reason.slice(host.length + 1) : reason;
}
