import type { UploadField } from "@/server/services/items/upload-target";

/** A plausible item for the trigger's fields: for a curl example or a CSV template, never sent by us. */
export function exampleItem(fields: readonly UploadField[], now = new Date()): Record<string, unknown> {
  return Object.fromEntries(fields.map((field) => [field.name, exampleValue(field, now)]));
}

function exampleValue(field: UploadField, now: Date): unknown {
  switch (field.type) {
    case "number":
      return 1;
    case "boolean":
      return false;
    case "date":
      return now.toISOString().replace(/\.\d{3}Z$/, "Z");
    case "enum":
      return field.values?.[0] ?? "";
    case "string":
      return /(^|_)id$/.test(field.name)
        ? "ITEM-1001"
        : `Example ${field.label ?? field.name.replace(/_/g, " ")}`;
  }
}
