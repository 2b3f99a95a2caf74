/**
 * Base64 for typed-array blobs inside a JSON-safe model. Written out rather than
 * using Buffer or btoa so lib/ runs the same in Node, a worker or a browser, and
 * so a multi-megabyte blob never goes through a giant binary string.
 */
const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const DECODE = new Int16Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) DECODE[ALPHABET.charCodeAt(i)] = i;

export function encodeBase64(bytes: Uint8Array): string {
  const parts: string[] = [];
  const chunk = 3 * 4096;
  for (let start = 0; start < bytes.length; start += chunk) {
    const end = Math.min(bytes.length, start + chunk);
    let out = "";
    for (let i = start; i < end; i += 3) {
      const a = bytes[i]!;
      const b = i + 1 < end ? bytes[i + 1]! : 0;
      const c = i + 2 < end ? bytes[i + 2]! : 0;
      const triple = (a << 16) | (b << 8) | c;
      out += ALPHABET[(triple >> 18) & 63]! + ALPHABET[(triple >> 12) & 63]!;
      out += i + 1 < end ? ALPHABET[(triple >> 6) & 63]! : "=";
      out += i + 2 < end ? ALPHABET[triple & 63]! : "=";
    }
    parts.push(out);
  }
  return parts.join("");
}

function sextetAt(text: string, index: number): number {
  const ch = text.charCodeAt(index);
  const value = ch < 128 ? DECODE[ch]! : -1;
  if (value < 0) throw new Error(`base64: invalid character at ${index}`);
  return value;
}

export function decodeBase64(text: string): Uint8Array {
  if (text.length % 4 !== 0) throw new Error("base64: length is not a multiple of 4");
  const padding = text.endsWith("==") ? 2 : text.endsWith("=") ? 1 : 0;
  const bytes = new Uint8Array((text.length / 4) * 3 - padding);
  const dataChars = text.length - padding;
  let o = 0;
  for (let i = 0; i < text.length; i += 4) {
    const a = sextetAt(text, i);
    const b = sextetAt(text, i + 1);
    const c = i + 2 < dataChars ? sextetAt(text, i + 2) : 0;
    const d = i + 3 < dataChars ? sextetAt(text, i + 3) : 0;
    const triple = (a << 18) | (b << 12) | (c << 6) | d;
    if (o < bytes.length) bytes[o++] = (triple >> 16) & 255;
    if (o < bytes.length) bytes[o++] = (triple >> 8) & 255;
    if (o < bytes.length) bytes[o++] = triple & 255;
  }
  return bytes;
}
