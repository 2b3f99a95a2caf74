/** POSIX shell single quotes: everything literal; a quote inside is closed, escaped and reopened. */
function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

/**
 * A ready-to-paste request that sends one item. The idempotency key is fresh each time the example is
 * shown: resending the same command returns the first answer instead of creating a second item.
 */
export function curlExample({
  origin,
  workflowId,
  secret,
  item,
  idempotencyKey,
}: {
  origin: string;
  /** Null for a key valid for every workflow: the reader puts the id in. */
  workflowId: string | null;
  secret: string;
  item: Record<string, unknown> | null;
  idempotencyKey: string;
}): string {
  const url = `${origin}/api/v1/workflows/${workflowId ?? "<workflow-id>"}/items`;
  const body = item ? JSON.stringify(item) : `{"id": "…", "text": "…", "occurred_at": "…"}`;
  return [
    `curl -X POST ${shellQuote(url)}`,
    `  -H ${shellQuote(`Authorization: Bearer ${secret}`)}`,
    `  -H 'Content-Type: application/json'`,
    `  -H ${shellQuote(`Idempotency-Key: ${idempotencyKey}`)}`,
    `  -d ${shellQuote(body)}`,
  ].join(" \\\n");
}

/** A v4 UUID; `crypto.randomUUID` exists only on HTTPS or localhost, and self-hosted apps are often neither. */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
