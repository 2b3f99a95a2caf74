import { describe, expect, it } from "vitest";
import { parseJsonPath, resolveJsonPath } from "../json-path";
import { mapResponse } from "../response-mapping";
import { renderBodyTemplate, renderPathTemplate, templateInputNames, TemplateError } from "../template";

describe("path templates", () => {
  it("URL-encodes every substituted value", () => {
    expect(
      renderPathTemplate("/customers/{{input.id}}/notes?q={{ input.q }}", { id: "a/b c", q: "x&y=z" }),
    ).toBe("/customers/a%2Fb%20c/notes?q=x%26y%3Dz");
  });

  it("refuses missing values, objects, and dot segments", () => {
    expect(() => renderPathTemplate("/c/{{input.id}}", {})).toThrow(TemplateError);
    expect(() => renderPathTemplate("/c/{{input.id}}", { id: { a: 1 } })).toThrow(/an object/);
    expect(() => renderPathTemplate("/c/{{input.id}}", { id: ".." })).toThrow(/may not be/);
  });

  it("never evaluates what it substitutes", () => {
    expect(renderPathTemplate("/x/{{input.v}}", { v: "{{input.w}}" })).toBe("/x/%7B%7Binput.w%7D%7D");
  });
});

describe("body templates", () => {
  it("keeps a lone placeholder's type and interpolates inside text", () => {
    const body = renderBodyTemplate(
      { count: "{{input.n}}", tags: ["{{input.tag}}"], text: "Hello {{input.name}}!", fixed: true },
      { n: 3, tag: { k: 1 }, name: "Ada" },
    );
    expect(body).toEqual({ count: 3, tags: [{ k: 1 }], text: "Hello Ada!", fixed: true });
  });

  it("keeps a __proto__ key as plain data", () => {
    const body = renderBodyTemplate(JSON.parse('{"__proto__": {"polluted": "{{input.x}}"}}'), {
      x: "yes",
    }) as Record<string, unknown>;
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.hasOwn(body, "__proto__")).toBe(true);
  });

  it("lists the inputs a template reads", () => {
    expect(templateInputNames("/c/{{input.id}}", { t: "{{input.text}} {{input.id}}" })).toEqual([
      "id",
      "text",
    ]);
  });
});

describe("JSON paths", () => {
  const body = { data: { items: [{ id: "first" }, { id: "second" }], "x-y": 1 } };

  it("resolves dotted paths with indexes and an optional $.", () => {
    expect(resolveJsonPath(body, "data.items[1].id")).toBe("second");
    expect(resolveJsonPath(body, "$.data.x-y")).toBe(1);
    expect(resolveJsonPath(body, "data.missing.deeper")).toBeUndefined();
  });

  it("refuses __proto__, constructor and prototype", () => {
    expect(parseJsonPath("a.__proto__")).toBeNull();
    expect(parseJsonPath("constructor.prototype")).toBeNull();
    expect(resolveJsonPath({}, ["constructor"])).toBeUndefined();
    expect(resolveJsonPath({ a: [] }, "a.length")).toBeUndefined();
  });

  it("rejects malformed paths", () => {
    for (const path of ["", "a..b", "a[x]", "a[0", "a b"]) expect(parseJsonPath(path)).toBeNull();
  });

  it("maps a response to output fields, absent ones as null", () => {
    expect(mapResponse(body, { first: "data.items[0].id", none: "data.nope" })).toEqual({
      first: "first",
      none: null,
    });
    expect(mapResponse([1, 2], {})).toEqual({ value: [1, 2] });
  });
});
