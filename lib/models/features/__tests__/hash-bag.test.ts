import { describe, expect, it } from "vitest";
import { HashBag } from "../hash-bag";

describe("HashBag", () => {
  it("counts distinct ids in order of first appearance and starts empty again", () => {
    const bag = new HashBag();
    for (const id of [7, 3, 7, 0, 3, 7, 4294967295]) bag.push(id);
    bag.close();
    expect(Array.from(bag.ids.subarray(0, bag.distinct))).toEqual([7, 3, 0, 4294967295]);
    expect(Array.from(bag.counts.subarray(0, bag.distinct))).toEqual([3, 2, 1, 1]);
    bag.push(5);
    bag.close();
    expect(bag.distinct).toBe(1);
  });

  it("grows past its initial size", () => {
    const bag = new HashBag();
    for (let i = 0; i < 5000; i++) bag.push(i % 1234);
    bag.close();
    expect(bag.distinct).toBe(1234);
    expect(bag.counts[0]).toBe(5);
  });
});
