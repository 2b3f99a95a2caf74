import { ROLES, type Role } from "@/lib/roles";
import { PARENT_OF, type ObjectKind } from "./object-kinds";
import type { ProcedureInfo } from "./procedures";

export type Principal = "anonymous" | Role;
export const PRINCIPALS: readonly Principal[] = ["anonymous", ...ROLES];
export type Scope = "own" | "other";

/**
 * - `unauthorized` / `forbidden`: refused with that tRPC code before the procedure runs.
 * - `allow`: past every check (a business refusal such as CONFLICT is fine; NOT_FOUND is not).
 * - `filtered`: answered, but nothing of the other queue's objects in the answer.
 * - `deny`: refused, or answered without revealing or changing anything of the other object.
 */
export type Expectation = "unauthorized" | "forbidden" | "allow" | "filtered" | "deny";

export interface ObjectCase {
  procedure: ProcedureInfo;
  principal: Principal;
  scope: Scope;
  expectation: Expectation;
  /** Kinds whose ids come from the other world in this case. */
  fromOther: ReadonlySet<ObjectKind>;
  why: string;
}

/**
 * Per-object rules an input schema cannot show, each with its reason. Kept small on purpose: everything else
 * is derived. (In the test world the criteria's named approver is the admin.)
 */
export const OBJECT_RULES: Record<string, { deny: readonly Principal[]; why: string }> = {
  "backtests.signOff": {
    deny: ["owner"],
    why: "only the approver the run's criteria name may sign off, whatever their role",
  },
};

/** Reviewers are scoped by queue membership: these kinds carry it. */
const QUEUE_SCOPED: readonly ObjectKind[] = ["task", "event"];

function kindsOf(procedure: ProcedureInfo): Set<ObjectKind> {
  return new Set(procedure.shape.idFields.map((field) => field.kind));
}

/** Children named together with their parent in one input: the ids that must belong to that parent. */
export function boundChildren(procedure: ProcedureInfo): ObjectKind[] {
  const kinds = kindsOf(procedure);
  return [...kinds].filter((kind) => {
    const parent = PARENT_OF[kind];
    return parent !== undefined && kinds.has(parent);
  });
}

/**
 * The object-level expectation, derived from the procedure's roles and the ids its input names:
 * - a reviewer works only their queues' tasks (and undoes only their own decisions): another queue's task
 *   is denied; lists are filtered to their queues;
 * - admins and owners oversee every workflow and queue (the product's design: no per-workflow ownership),
 *   so another workflow's object named on its own is allowed; but a child of another workflow named with
 *   this workflow (a version, test case, knowledge entry, run row…) is denied for every role.
 */
export function objectCases(procedure: ProcedureInfo): ObjectCase[] {
  const kinds = kindsOf(procedure);
  if (kinds.size === 0) return [];
  const cases: ObjectCase[] = [];
  const none = new Set<ObjectKind>();
  for (const principal of PRINCIPALS) {
    for (const scope of ["own", "other"] as const) {
      const base = { procedure, principal, scope };
      if (principal === "anonymous") {
        cases.push({ ...base, expectation: "unauthorized", fromOther: none, why: "no session" });
      } else if (!procedure.roles.includes(principal)) {
        cases.push({ ...base, expectation: "forbidden", fromOther: none, why: `role ${principal}` });
      } else if (OBJECT_RULES[procedure.path]?.deny.includes(principal)) {
        const rule = OBJECT_RULES[procedure.path]!;
        cases.push({
          ...base,
          expectation: "deny",
          fromOther: scope === "own" ? none : new Set(kinds),
          why: rule.why,
        });
      } else if (scope === "own") {
        cases.push({ ...base, expectation: "allow", fromOther: none, why: "own objects" });
      } else if (principal === "reviewer") {
        const queued = QUEUE_SCOPED.filter((kind) => kinds.has(kind));
        cases.push(
          queued.length > 0
            ? { ...base, expectation: "deny", fromOther: new Set(queued), why: "another queue's task" }
            : { ...base, expectation: "filtered", fromOther: none, why: "lists only the reviewer's queues" },
        );
      } else {
        const children = boundChildren(procedure);
        cases.push(
          children.length > 0
            ? {
                ...base,
                expectation: "deny",
                fromOther: new Set(children),
                why: `${children.join(", ")} of another workflow`,
              }
            : {
                ...base,
                expectation: "allow",
                fromOther: new Set(kinds),
                why: "workspace-wide role: another workflow's objects",
              },
        );
      }
    }
  }
  return cases;
}
