import { localSecret } from "../local-secret";

export class SecretKeyError extends Error {
  override name = "SecretKeyError";
}

/**
 * Parses a 32-byte AES key given as 64 hex digits or as base64/base64url (what `localSecret` writes).
 * The message never echoes the value: a half-pasted key is still a secret.
 */
export function parseSecretKey(text: string): Buffer {
  const trimmed = text.trim();
  const key = /^[0-9a-f]{64}$/i.test(trimmed) ? Buffer.from(trimmed, "hex") : decodeBase64(trimmed);
  if (key?.length !== 32) {
    throw new SecretKeyError(
      "SWITCHBOARD_SECRET_KEY must be 32 bytes written as 64 hex digits or as base64 (for example `openssl rand -base64 32`).",
    );
  }
  return key;
}

function decodeBase64(text: string): Buffer | null {
  // Buffer's base64 decoder skips characters it does not know, so check the alphabet first.
  if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(text)) return null;
  return Buffer.from(text, "base64");
}

let cachedKey: { source: string; key: Buffer } | undefined;

/**
 * The key that encrypts secrets at rest: SWITCHBOARD_SECRET_KEY, or one generated once into the data
 * directory (mode 600) so a fresh clone works with nothing to configure. Re-read when the variable changes.
 */
export function loadSecretKey(): Buffer {
  const source = localSecret("SWITCHBOARD_SECRET_KEY", "secret-key");
  if (cachedKey?.source !== source) cachedKey = { source, key: parseSecretKey(source) };
  return cachedKey.key;
}
