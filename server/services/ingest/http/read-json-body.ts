import { IngestError } from "../errors";
import { assertStorableJson } from "./storable-json";

/** Bodies over the cap are refused before they are read whole: a sender cannot make us buffer gigabytes. */
export function maxBodyBytes(): number {
  const configured = Number(process.env.SWITCHBOARD_API_MAX_BODY_BYTES);
  return Number.isInteger(configured) && configured > 0 ? configured : 5 * 1024 * 1024;
}

const UTF8 = new TextDecoder("utf-8", { fatal: true });

export interface JsonBody {
  value: unknown;
  /** The bytes as sent, for the idempotency check (same key, same body). */
  text: string;
}

export async function readJsonBody(request: Request, limit = maxBodyBytes()): Promise<JsonBody> {
  const contentType = request.headers.get("content-type") ?? "";
  if (!/^application\/([\w.+-]+\+)?json\b/i.test(contentType)) {
    throw new IngestError(
      415,
      "unsupported_media_type",
      "Send the body as JSON with Content-Type: application/json.",
    );
  }
  const tooLarge = () =>
    new IngestError(
      413,
      "body_too_large",
      `The body is larger than the ${limit.toLocaleString("en")}-byte limit.`,
    );
  if (Number(request.headers.get("content-length") ?? 0) > limit) throw tooLarge();
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = request.body?.getReader();
  while (reader) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  let text: string;
  try {
    text = UTF8.decode(Buffer.concat(chunks));
  } catch {
    // Decoding leniently would store U+FFFD in place of the sender's bytes: refuse instead.
    throw new IngestError(400, "invalid_encoding", "The body is not valid UTF-8.");
  }
  if (text.trim() === "")
    throw new IngestError(400, "empty_body", "The body is empty: send a JSON item or array of items.");
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    // A RangeError here is JSON nested past the parser's stack: still the sender's mistake.
    const detail = error instanceof Error ? error.message : String(error);
    throw new IngestError(400, "invalid_json", `The body is not valid JSON: ${detail}.`);
  }
  assertStorableJson(value);
  return { value, text };
}
