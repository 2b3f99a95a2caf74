import { z } from "zod";
import { defineNode, step, type CheckIssue } from "../../engine/node-definition";
import { compileTemplate } from "../../engine/text/template";

export const resolveConfigSchema = z.object({
  /** `{{item.field}}` and `{{nodes.<id>.<key>}}` are replaced; nothing else is interpreted. */
  replyTemplate: z.string().min(1).max(10_000),
  /** A short code for reporting, e.g. "password-reset". */
  resolution: z.string().max(120).optional(),
});
export type ResolveConfig = z.infer<typeof resolveConfigSchema>;

export const resolveNode = defineNode<ResolveConfig>({
  type: "resolve",
  label: "Auto-resolve",
  group: "outcome",
  description: "Resolves the item automatically with a reply built from a template.",
  configSchema: resolveConfigSchema,
  defaultConfig: { replyTemplate: "Hi, thanks for reaching out. {{nodes.match.reply}}" },
  terminal: true,
  outputHandles: () => [],
  summary: (config) =>
    config.resolution ??
    (config.replyTemplate.length > 50 ? `${config.replyTemplate.slice(0, 47)}…` : config.replyTemplate),
  check(config, context) {
    const template = compileTemplate(config.replyTemplate);
    const issues: CheckIssue[] = template.invalid.map((raw) => ({
      code: "invalid_template",
      message: `the placeholder ${raw} must read item.<field> or nodes.<id>.<key>`,
    }));
    const fields = new Set(context.itemShape?.fields.map((f) => f.name));
    for (const p of template.placeholders) {
      const head = p.path[0] ?? "";
      if (p.root === "item" && context.itemShape && !fields.has(head)) {
        issues.push({
          code: "unknown_field",
          message: `the placeholder ${p.raw} reads a field the trigger does not declare`,
        });
      }
      if (p.root === "nodes" && (!context.hasNode(head) || !context.isUpstream(head))) {
        issues.push({
          code: "node_not_upstream",
          message: `the placeholder ${p.raw} reads node "${head}", which does not run before this one`,
        });
      }
    }
    return issues;
  },
  prepare(config) {
    const template = compileTemplate(config.replyTemplate);
    return (run) =>
      step({
        handle: "",
        terminal: {
          type: "resolve",
          resolution: config.resolution,
          reply: template.render(run.item, run.nodes),
        },
      });
  },
});
