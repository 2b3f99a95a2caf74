import { describe, expect, it } from "vitest";
import { compileTemplate } from "../template";

describe("compileTemplate", () => {
  it("substitutes item and node paths, and nothing else", () => {
    const template = compileTemplate("Hi {{ item.name }}, {{nodes.kb.reply}} ({{item.count}}, {{item.ok}})");
    expect(template.render({ name: "Ada", count: 2, ok: true }, { kb: { reply: "Try again." } })).toBe(
      "Hi Ada, Try again. (2, true)",
    );
    expect(template.placeholders.map((p) => `${p.root}:${p.path.join(".")}`)).toEqual([
      "item:name",
      "nodes:kb.reply",
      "item:count",
      "item:ok",
    ]);
  });

  it("renders missing values, objects and inherited names as empty", () => {
    const template = compileTemplate(
      "[{{item.missing}}][{{item.nested}}][{{item.constructor}}][{{item.toString}}]",
    );
    expect(template.render({ nested: { a: 1 } }, {})).toBe("[][][][]");
  });

  it("reports placeholders with logic or other roots instead of running them", () => {
    const template = compileTemplate("{{ process.env.SECRET }} {{item.a + 1}} {{#if x}}");
    expect(template.invalid).toEqual(["{{ process.env.SECRET }}", "{{item.a + 1}}", "{{#if x}}"]);
    expect(template.render({ a: 1 }, {})).toBe("{{ process.env.SECRET }} {{item.a + 1}} {{#if x}}");
  });
});
