import { appBaseUrl, appPort } from "../config";

/**
 * The origins the app's own pages are served from: the configured base URL, localhost and 127.0.0.1 on the
 * app's port, and any listed in SWITCHBOARD_TRUSTED_ORIGINS (comma-separated, e.g. a reverse proxy's
 * public name). The same list better-auth is given, so sign-in and the app's own API agree.
 */
export function trustedOrigins(): string[] {
  const port = appPort();
  const extra = (process.env.SWITCHBOARD_TRUSTED_ORIGINS ?? "")
    .split(",")
    .map((origin) => origin.trim())
    .filter(Boolean);
  return [appBaseUrl(), `http://localhost:${port}`, `http://127.0.0.1:${port}`, ...extra];
}

/** `https://Example.com:443/path` → `https://example.com`; null for anything that is not an http(s) URL. */
export function normalizedOrigin(value: string): string | null {
  try {
    const url = new URL(value);
    if (url.protocol !== "http:" && url.protocol !== "https:") return null;
    return url.origin;
  } catch {
    return null;
  }
}

export function isTrustedOrigin(origin: string, trusted: readonly string[] = trustedOrigins()): boolean {
  const candidate = normalizedOrigin(origin);
  if (!candidate) return false;
  return trusted.some((entry) => normalizedOrigin(entry) === candidate);
}
