import { describe, expect, it } from "vitest";
import { nodeRegistry } from "@/lib/nodes/registry";
import { editorFor, editorTypes } from "../node-editors";

describe("node editor registry", () => {
  it("has an editor for every node type in the registry, and none for unknown types", () => {
    expect(editorTypes().sort()).toEqual(
      nodeRegistry
        .all()
        .map((d) => d.type)
        .sort(),
    );
    for (const definition of nodeRegistry.all())
      expect(editorFor(definition.type)?.ConfigForm).toBeTypeOf("function");
    expect(editorFor("constructor")).toBeUndefined();
  });
});
