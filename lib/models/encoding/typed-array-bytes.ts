/**
 * Typed arrays ↔ bytes in little-endian order. Every platform Switchboard runs on
 * is little-endian; we check once rather than pay for a DataView on megabytes.
 */
const littleEndian = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

function assertLittleEndian(): void {
  if (!littleEndian) throw new Error("embedded models are stored little-endian; this platform is big-endian");
}

export function bytesOf(array: Float32Array | Uint32Array | Int8Array): Uint8Array {
  assertLittleEndian();
  return new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
}

function copyAligned(bytes: Uint8Array, elementSize: number): ArrayBuffer {
  if (bytes.byteLength % elementSize !== 0)
    throw new Error(`blob of ${bytes.byteLength} bytes is not a multiple of ${elementSize}`);
  assertLittleEndian();
  // A fresh buffer: the decoded bytes may not start at an aligned offset.
  return bytes.slice().buffer;
}

export const float32FromBytes = (bytes: Uint8Array) => new Float32Array(copyAligned(bytes, 4));
export const uint32FromBytes = (bytes: Uint8Array) => new Uint32Array(copyAligned(bytes, 4));
export const int8FromBytes = (bytes: Uint8Array) => new Int8Array(copyAligned(bytes, 1));
