import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROLES, type Role } from "@/lib/roles";
import { openTestDatabase } from "../testing/test-database";
import { appRouter } from "../root";
import { createCallerFactory, type Context } from "../trpc";
import type { Database } from "../db/client";
import { objectCases, PRINCIPALS } from "../security/authz/expectations";
import { sampleInput } from "../security/authz/input-shape";
import { listProcedures } from "../security/authz/procedures";

/**
 * Every procedure in the root router, enumerated from the router itself: a procedure added without a role
 * check (no `roles` meta, or built from a bare procedure) fails this file.
 */
const procedures = Object.entries(
  appRouter._def.procedures as unknown as Record<string, { _def: { meta?: { roles?: Role[] } } }>,
);
const createCaller = createCallerFactory(appRouter);

let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(() => database.close());

function call(context: Context, path: string): Promise<unknown> {
  let target: unknown = createCaller(context);
  for (const part of path.split(".")) target = (target as Record<string, unknown>)[part];
  return (target as (input: unknown) => Promise<unknown>)(undefined);
}

async function errorCode(promise: Promise<unknown>): Promise<string | null> {
  try {
    await promise;
    return null;
  } catch (error) {
    return error instanceof TRPCError ? error.code : "NOT_A_TRPC_ERROR";
  }
}

const userWith = (role: Role) => ({ id: `user-${role}`, email: `${role}@test`, name: role, role });

describe("authorization matrix", () => {
  it("finds the procedures", () => {
    expect(procedures.length).toBeGreaterThan(3);
  });

  describe.each(procedures)("%s", (path, procedure) => {
    const roles = procedure._def.meta?.roles ?? [];

    it("declares the roles that may call it", () => {
      expect(roles.length).toBeGreaterThan(0);
    });

    it("answers UNAUTHORIZED without a session", async () => {
      expect(await errorCode(call({ db: database.db, user: null }, path))).toBe("UNAUTHORIZED");
    });

    it.each(ROLES.filter((role) => !roles.includes(role)))("answers FORBIDDEN to %s", async (role) => {
      expect(await errorCode(call({ db: database.db, user: userWith(role) }, path))).toBe("FORBIDDEN");
    });

    it.each(roles)("lets %s past the role check", async (role) => {
      const code = await errorCode(call({ db: database.db, user: userWith(role) }, path));
      expect(code === "FORBIDDEN" || code === "UNAUTHORIZED").toBe(false);
    });
  });
});

/**
 * The object-level matrix (server/security/__tests__/authorization.reliability.test.ts) runs each procedure
 * against real data; its expectations are derived here, from the same router, so a procedure whose input
 * names an object nobody classified fails `npm test` at once.
 */
describe("object-level expectations", () => {
  const described = listProcedures();

  it.each(described.map((p) => [p.path, p] as const))("%s names only objects of known kinds", (_path, p) => {
    expect(p.shape.unknownIdFields).toEqual([]);
  });

  it.each(described.filter((p) => p.shape.idFields.length > 0).map((p) => [p.path, p] as const))(
    "%s has an expectation for every principal and scope, and a valid derived input",
    (_path, p) => {
      const cases = objectCases(p);
      expect(cases).toHaveLength(PRINCIPALS.length * 2);
      const input = sampleInput(p.path, p.inputs[0]!, (kind, numeric) => (numeric ? 1 : `${kind}-1`));
      expect(p.inputs[0]!.safeParse(input).success).toBe(true);
    },
  );

  it("denies a reviewer another queue's task, and every role a child of another workflow", () => {
    const byPath = new Map(described.map((p) => [p.path, p]));
    const expectation = (path: string, principal: string) =>
      objectCases(byPath.get(path)!).find((c) => c.principal === principal && c.scope === "other")
        ?.expectation;
    expect(expectation("reviews.decide", "reviewer")).toBe("deny");
    expect(expectation("reviews.list", "reviewer")).toBe("filtered");
    expect(expectation("workflows.publish", "owner")).toBe("deny");
    expect(expectation("knowledge.deleteEntry", "admin")).toBe("deny");
    expect(expectation("items.get", "owner")).toBe("allow");
  });
});
