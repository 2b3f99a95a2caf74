import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { decryptSecret, encryptSecret, SecretDecryptError } from "../cipher";
import { Redactor } from "../redactor";
import { parseSecretKey } from "../secret-key";

const key = crypto.randomBytes(32);

describe("secret encryption", () => {
  it("round-trips, with a fresh IV every time", () => {
    const a = encryptSecret("sk-live-123", key, "connector:1/apiKey");
    const b = encryptSecret("sk-live-123", key, "connector:1/apiKey");
    expect(a).not.toBe(b);
    expect(a).not.toContain("sk-live-123");
    expect(decryptSecret(a, key, "connector:1/apiKey")).toBe("sk-live-123");
  });

  it("detects tampering with the ciphertext, tag or IV", () => {
    const sealed = encryptSecret("sk-live-123", key, "ctx");
    const parts = sealed.split(".");
    for (const index of [1, 2, 3]) {
      const bytes = Buffer.from(parts[index]!, "base64url");
      bytes[0] = bytes[0]! ^ 1;
      const tampered = parts.map((part, i) => (i === index ? bytes.toString("base64url") : part)).join(".");
      expect(() => decryptSecret(tampered, key, "ctx")).toThrow(SecretDecryptError);
    }
  });

  it("refuses another row's context and another key", () => {
    const sealed = encryptSecret("value", key, "connector:1/apiKey");
    expect(() => decryptSecret(sealed, key, "connector:2/apiKey")).toThrow(SecretDecryptError);
    expect(() => decryptSecret(sealed, crypto.randomBytes(32), "connector:1/apiKey")).toThrow(
      /SWITCHBOARD_SECRET_KEY/,
    );
    expect(() => decryptSecret("garbage", key, "connector:1/apiKey")).toThrow(SecretDecryptError);
  });
});

describe("secret key", () => {
  it("accepts 32 bytes as hex, base64 or base64url", () => {
    const raw = crypto.randomBytes(32);
    expect(parseSecretKey(raw.toString("hex"))).toEqual(raw);
    expect(parseSecretKey(raw.toString("base64"))).toEqual(raw);
    expect(parseSecretKey(raw.toString("base64url"))).toEqual(raw);
  });

  it("refuses any other length without echoing the value", () => {
    const short = crypto.randomBytes(16).toString("hex");
    expect(() => parseSecretKey(short)).toThrow(/32 bytes/);
    try {
      parseSecretKey(short);
    } catch (error) {
      expect(String(error)).not.toContain(short);
    }
  });
});

describe("redactor", () => {
  it("replaces secrets and their URL-encoded form in nested values", () => {
    const redactor = new Redactor(["s3cr3t/+value", "ab"]);
    const redacted = redactor.value({
      a: "x s3cr3t/+value y",
      b: ["s3cr3t%2F%2Bvalue"],
      [`k-s3cr3t/+value`]: 1,
      c: "ab stays",
    });
    expect(redacted).toEqual({ a: "x [redacted] y", b: ["[redacted]"], "k-[redacted]": 1, c: "ab stays" });
  });
});
