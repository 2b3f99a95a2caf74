import { describe, expect, it } from "vitest";
import { decodeBase64, encodeBase64 } from "../base64";
import { bytesOf, float32FromBytes } from "../typed-array-bytes";

describe("base64", () => {
  it("matches Node's encoder for every padding case and round-trips", () => {
    for (let length = 0; length < 40; length++) {
      const bytes = Uint8Array.from({ length }, (_, i) => (i * 37 + length) & 255);
      const encoded = encodeBase64(bytes);
      expect(encoded).toBe(Buffer.from(bytes).toString("base64"));
      expect(decodeBase64(encoded)).toEqual(bytes);
    }
  });

  it("round-trips a float32 blob bit for bit", () => {
    const values = Float32Array.from([0, -1.5, Math.PI, 1e-30, Number.MAX_VALUE, Number.NaN]);
    expect(float32FromBytes(decodeBase64(encodeBase64(bytesOf(values))))).toEqual(values);
  });

  it("rejects malformed text", () => {
    expect(() => decodeBase64("abc")).toThrow(/multiple of 4/);
    expect(() => decodeBase64("ab!d")).toThrow(/invalid character/);
  });
});
