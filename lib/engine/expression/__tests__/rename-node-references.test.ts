import { describe, expect, it } from "vitest";
import { renameNodeReferences } from "../rename-node-references";

const renames = new Map([
  ["a", "a_2"],
  ["b", "c"],
  ["c", "d"],
]);
const rename = (source: string) => renameNodeReferences(source, renames);

describe("renameNodeReferences", () => {
  it("renames dotted and indexed node references", () => {
    expect(rename('nodes.a.label == "billing"')).toBe('nodes.a_2.label == "billing"');
    expect(rename("nodes['a'].confidence > 0.8 || nodes[\"a\"].label == 'x'")).toBe(
      "nodes['a_2'].confidence > 0.8 || nodes[\"a_2\"].label == 'x'",
    );
    expect(rename("nodes . a.label")).toBe("nodes . a_2.label");
  });

  it("leaves longer ids, other roots and string literals alone", () => {
    expect(rename("nodes.ab.label == nodes.a.label")).toBe("nodes.ab.label == nodes.a_2.label");
    expect(rename('item.a == "nodes.a" && r"nodes.a" != item.b')).toBe(
      'item.a == "nodes.a" && r"nodes.a" != item.b',
    );
    expect(rename("nodes.x.a == nodes.x.b")).toBe("nodes.x.a == nodes.x.b");
    expect(rename('{"a": 1}.a == 1')).toBe('{"a": 1}.a == 1');
  });

  it("applies every rename at once, so renames never chain", () => {
    expect(rename("nodes.b.label == nodes.c.label")).toBe("nodes.c.label == nodes.d.label");
  });

  it("finds references inside calls, lists, maps and macros", () => {
    expect(
      rename('size(nodes.a.labels) > 0 && [nodes.b.x, {"k": nodes.a.y}].exists(v, v == nodes.c.z)'),
    ).toBe('size(nodes.a_2.labels) > 0 && [nodes.c.x, {"k": nodes.a_2.y}].exists(v, v == nodes.d.z)');
    expect(rename("nodes.a.score > 0.5 ? nodes.b.team : 'none'")).toBe(
      "nodes.a_2.score > 0.5 ? nodes.c.team : 'none'",
    );
  });

  it("returns an expression that does not parse, or needs no rename, unchanged", () => {
    expect(rename("nodes.a.label ==")).toBe("nodes.a.label ==");
    expect(rename("item.tier == 'gold'")).toBe("item.tier == 'gold'");
    expect(renameNodeReferences("nodes.a.x", new Map())).toBe("nodes.a.x");
  });
});
