import { editor as assess } from "@/lib/nodes/assess/editor";
import { editor as classify } from "@/lib/nodes/classify/editor";
import { editor as condition } from "@/lib/nodes/condition/editor";
import { editor as connector } from "@/lib/nodes/connector/editor";
import { editor as end } from "@/lib/nodes/end/editor";
import { editor as escalate } from "@/lib/nodes/escalate/editor";
import { editor as match } from "@/lib/nodes/match/editor";
import { editor as resolve } from "@/lib/nodes/resolve/editor";
import { editor as route } from "@/lib/nodes/route/editor";
import { editor as rule } from "@/lib/nodes/rule/editor";
import { editor as trigger } from "@/lib/nodes/trigger/editor";
import type { NodeEditorModule } from "./node-editor-types";

type AnyConfig = Record<string, unknown>;
/** Each module is typed with its own config; the canvas hands it the stored config for that type. */
const asModule = <C>(module: NodeEditorModule<C>) => module as unknown as NodeEditorModule<AnyConfig>;

/**
 * Node type → its editor module (lib/nodes/<type>/editor.tsx): the one place besides each node's folder.
 * A unit test checks every type in lib/nodes/registry.ts has one.
 */
const editors: Readonly<Record<string, NodeEditorModule<AnyConfig>>> = {
  trigger: asModule(trigger),
  condition: asModule(condition),
  rule: asModule(rule),
  classify: asModule(classify),
  assess: asModule(assess),
  match: asModule(match),
  connector: asModule(connector),
  escalate: asModule(escalate),
  route: asModule(route),
  resolve: asModule(resolve),
  end: asModule(end),
};

export function editorFor(type: string | undefined): NodeEditorModule<AnyConfig> | undefined {
  return type && Object.hasOwn(editors, type) ? editors[type] : undefined;
}

export const editorTypes = (): string[] => Object.keys(editors);
