import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../db/client";
import { modelCalibrations } from "../../db/schema";
import { sweepOverdueTasks } from "../../services/reviews/sla-sweep";
import { openTestDatabase } from "../../testing/test-database";
import { recordFigures } from "../../testing/reliability-figures";
import { objectCases, PRINCIPALS, type ObjectCase } from "../authz/expectations";
import { OBJECT_KINDS } from "../authz/object-kinds";
import { sampleInput } from "../authz/input-shape";
import { listProcedures } from "../authz/procedures";
import { callProcedure, caseInput, judge, observe, principalUser } from "./authz-runner";
import { buildAuthzWorld, type AuthzWorld } from "./authz-world";
import { runHttpMatrix, type HttpCaseResult } from "./http-matrix";

/**
 * The authorization matrix on real data: every tRPC procedure × {anonymous, reviewer, owner, admin} ×
 * {own object, another queue's or workflow's object}, the expectations derived from each procedure's roles
 * and input schema (server/security/authz); then the HTTP routes (/api/v1 with API keys, cookie routes,
 * CSRF, GET handlers). Every case is counted in `authz_cases`, every miss in `authz_failures`.
 */
const procedures = listProcedures();
let database: Database;
let world: AuthzWorld;
const failures: string[] = [];
let cases = 0;

function count(label: string, failure: string | null) {
  cases++;
  if (failure) failures.push(`${label}: ${failure}`);
}

beforeAll(async () => {
  database = await openTestDatabase();
  world = await buildAuthzWorld(database.db);
  // A model provider and a stored calibration per workflow, made the way the app makes them.
  const create = procedures.find((p) => p.path === "modelProviders.create")!;
  const provider = (await callProcedure(
    database.db,
    world.users.admin,
    create.path,
    sampleInput(create.path, create.inputs[0]!, () => ""),
  )) as { id: string };
  world.own.provider = world.other.provider = provider.id;
  for (const scope of ["own", "other"] as const) {
    const id = `authz-calibration-${scope}`;
    await database.db.insert(modelCalibrations).values({
      id,
      workflowId: String(world[scope].workflow),
      nodeId: "classify",
      version: 1,
      providerId: provider.id,
      model: "authz-model",
      method: "platt",
      slope: 1,
      intercept: 0,
      sourceRunId: String(world[scope].run),
      sourceRunNumber: 1,
      sampleSize: 10,
      accuracy: 0.9,
      eceBefore: 0.1,
      eceAfter: 0.05,
      binsBefore: [],
      binsAfter: [],
    });
    world[scope].calibration = id;
  }
}, 300_000);

afterAll(async () => {
  recordFigures({ authz_cases: cases, authz_failures: failures.length });
  console.log(`[authz] ${cases} cases, ${failures.length} failures`);
  if (failures.length) console.error(`[authz] failures:\n${failures.join("\n")}`);
  await database?.close();
});

describe("tRPC object-level matrix", () => {
  it("every id an input names is of a known kind, and the world holds one of each", () => {
    const unknown = procedures.flatMap((p) => p.shape.unknownIdFields.map((f) => `${p.path}.${f}`));
    expect(unknown).toEqual([]);
    for (const kind of OBJECT_KINDS) expect(world.own[kind], kind).not.toBe("");
  });

  it("every procedure answers each principal as its roles and objects say", async () => {
    for (const procedure of procedures) {
      const derived = objectCases(procedure);
      // Procedures that name no object: one case per principal, on the own world.
      const matrix: ObjectCase[] =
        derived.length > 0
          ? derived
          : PRINCIPALS.map((principal) => ({
              procedure,
              principal,
              scope: "own" as const,
              expectation:
                principal === "anonymous"
                  ? ("unauthorized" as const)
                  : !procedure.roles.includes(principal)
                    ? ("forbidden" as const)
                    : principal === "reviewer"
                      ? ("filtered" as const)
                      : ("allow" as const),
              fromOther: new Set(),
              why: "no object named",
            }));
      for (const entry of matrix) {
        const input = caseInput(world, procedure, entry.fromOther);
        const parsed = procedure.inputs[0]?.safeParse(input);
        if (parsed && !parsed.success) {
          count(`${procedure.path} ${entry.principal}/${entry.scope}`, "no valid input could be derived");
          continue;
        }
        const seen = await observe(
          database.db,
          principalUser(world, entry.principal),
          procedure.path,
          input,
          entry.expectation === "deny",
        );
        count(
          `${procedure.path} ${entry.principal}/${entry.scope} (${entry.why})`,
          judge(entry.expectation, entry.principal, seen),
        );
      }
    }
    expect(failures).toEqual([]);
  }, 600_000);

  it("no query changes anything", async () => {
    for (const procedure of procedures.filter((p) => p.type === "query")) {
      const user = procedure.roles.includes("admin") ? world.users.admin : world.users.reviewer;
      // The inbox query runs the SLA sweep (a time-driven write): sweep first, so only the query's own writes count.
      await sweepOverdueTasks(database.db);
      const seen = await observe(
        database.db,
        user,
        procedure.path,
        caseInput(world, procedure, new Set()),
        true,
      );
      count(
        `${procedure.path} as a query`,
        seen.changed.length ? `changed ${seen.changed.join(", ")}` : null,
      );
    }
    expect(failures.filter((f) => f.includes("as a query"))).toEqual([]);
  }, 300_000);
});

describe("HTTP routes", () => {
  it("/api/v1, cookie routes, CSRF and GET handlers", async () => {
    const results: HttpCaseResult[] = await runHttpMatrix(database, world);
    for (const result of results) count(result.label, result.failure);
    expect(results.filter((r) => r.failure)).toEqual([]);
  }, 300_000);
});
