import { z } from "zod";
import { identifierSchema } from "../../engine/graph/graph-schema";
import { defineNode, step, type ItemShape } from "../../engine/node-definition";
import { compileItemAdmission, RefusedItem } from "./admit-item";
import { itemFieldSchema } from "./item-fields";

export const triggerConfigSchema = z
  .object({
    fields: z.array(itemFieldSchema).min(1).max(200),
    /** The field classifiers and rules read by default. */
    textField: identifierSchema,
    idField: identifierSchema,
    occurredAtField: identifierSchema,
  })
  .superRefine((config, ctx) => {
    const byName = new Map<string, (typeof config.fields)[number]>();
    config.fields.forEach((field, i) => {
      if (byName.has(field.name)) {
        ctx.addIssue({
          code: "custom",
          path: ["fields", i, "name"],
          message: `field "${field.name}" is listed twice`,
        });
      }
      byName.set(field.name, field);
    });
    const expect = (
      key: "textField" | "idField" | "occurredAtField",
      types: string[],
      what: string,
    ): void => {
      const field = byName.get(config[key]);
      if (!field) {
        ctx.addIssue({ code: "custom", path: [key], message: `"${config[key]}" is not one of the fields` });
      } else if (!types.includes(field.type)) {
        ctx.addIssue({
          code: "custom",
          path: [key],
          message: `"${field.name}" is a ${field.type} field; ${what}`,
        });
      } else if (key !== "textField" && !field.required) {
        ctx.addIssue({ code: "custom", path: [key], message: `"${field.name}" must be required` });
      }
    };
    expect("textField", ["string"], "the text field must be a string field");
    expect("idField", ["string", "number"], "the id field must be a string or number field");
    expect("occurredAtField", ["date"], "the occurred-at field must be a date field");
  });
export type TriggerConfig = z.infer<typeof triggerConfigSchema>;

function shapeOf(config: TriggerConfig): ItemShape {
  return {
    fields: config.fields.map((f) => ({
      name: f.name,
      type: f.type,
      required: f.required,
      values: f.values,
    })),
    textField: config.textField,
    idField: config.idField,
    occurredAtField: config.occurredAtField,
  };
}

export const triggerNode = defineNode<TriggerConfig>({
  type: "trigger",
  label: "Trigger",
  group: "trigger",
  description: "Where items enter: declares their fields and which field is the text, the id and the time.",
  configSchema: triggerConfigSchema,
  defaultConfig: {
    fields: [
      { name: "id", type: "string", required: true },
      { name: "text", type: "string", required: true },
      { name: "occurred_at", type: "date", required: true },
    ],
    textField: "text",
    idField: "id",
    occurredAtField: "occurred_at",
  },
  terminal: false,
  outputHandles: () => [{ id: "out", label: "Item" }],
  summary: (config) => `${config.fields.length} fields · text: ${config.textField}`,
  itemShape: shapeOf,
  prepare(config) {
    const admit = compileItemAdmission(shapeOf(config));
    const { idField, occurredAtField } = config;
    return (run) => {
      const admitted = admit(run.item);
      if (admitted instanceof RefusedItem) {
        return step({
          handle: "",
          error: { code: "invalid_item", message: admitted.message },
          output: { problems: admitted.problems },
        });
      }
      return step({
        handle: "out",
        admittedItem: admitted,
        output: { itemId: String(admitted[idField]), occurredAt: admitted[occurredAtField] },
      });
    };
  },
});
