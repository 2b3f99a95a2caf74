import { TRPCError } from "@trpc/server";
import { sql } from "drizzle-orm";
import superjson from "superjson";
import type { Db } from "../../db/client";
import { appRouter } from "../../root";
import { createCallerFactory, type SessionUser } from "../../trpc";
import { stopLocalBacktests } from "../../services/backtests/background";
import type { Expectation, ObjectCase } from "../authz/expectations";
import { sampleInput } from "../authz/input-shape";
import type { ProcedureInfo } from "../authz/procedures";
import { OTHER_QUEUE_CANARY, OTHER_WORKFLOW_CANARY, type AuthzWorld } from "./authz-world";

const createCaller = createCallerFactory(appRouter);

/**
 * Bookkeeping tables a refused or read-only call may touch without changing anything a user owns: the
 * sign-in rate limiter's counters, and the knowledge base's cache-version counter (bumped by a delete that
 * found nothing to delete, which only makes processes reload the same entries).
 */
const BOOKKEEPING_TABLES = new Set(["rate_limit", "sign_in_attempts", "knowledge_base_versions"]);

/**
 * Inputs a schema cannot guess, patched onto the derived one: kept small, each with its reason.
 */
const INPUT_PATCHES: Record<string, Record<string, unknown>> = {
  // The operation is named by the connector's definition (the demo CRM's read), not by an id field.
  "connectors.test": { operation: "get_customer" },
  // Approving needs a suggested outcome, which not every task has; any open task can be sent back.
  "reviews.decide": { action: "send_back" },
};

/** Every `expectedVersion` beside a `taskId` gets that task's current version: the decision can then land. */
function withTaskVersions(value: unknown, versions: Record<string, number>): unknown {
  if (Array.isArray(value)) return value.map((entry) => withTaskVersions(entry, versions));
  if (!value || typeof value !== "object" || Object.getPrototypeOf(value) !== Object.prototype) return value;
  const record = Object.fromEntries(
    Object.entries(value).map(([key, entry]) => [key, withTaskVersions(entry, versions)]),
  );
  const version = typeof record.taskId === "string" ? versions[record.taskId] : undefined;
  if ("expectedVersion" in record && version !== undefined) record.expectedVersion = version;
  return record;
}

function rowsOf<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

/** A digest of every application table: equal before and after means the call changed nothing. */
export async function databaseFingerprint(db: Db): Promise<Map<string, string>> {
  const tables = rowsOf<{ name: string }>(
    await db.execute(
      sql`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`,
    ),
  ).filter((table) => !BOOKKEEPING_TABLES.has(table.name));
  const digest = new Map<string, string>();
  for (const { name } of tables) {
    const [row] = rowsOf<{ n: number; h: string }>(
      await db.execute(
        sql.raw(
          `select count(*)::int as n, coalesce(sum(hashtext(t::text)::bigint), 0)::text as h from "${name}" t`,
        ),
      ),
    );
    digest.set(name, `${row?.n}:${row?.h}`);
  }
  return digest;
}

export function changedTables(before: Map<string, string>, after: Map<string, string>): string[] {
  return [...after.keys()].filter((table) => before.get(table) !== after.get(table));
}

export function principalUser(world: AuthzWorld, principal: ObjectCase["principal"]): SessionUser | null {
  return principal === "anonymous" ? null : world.users[principal];
}

/** The input a case sends: ids of the own world, except the kinds the case takes from the other world. */
export function caseInput(world: AuthzWorld, procedure: ProcedureInfo, fromOther: ReadonlySet<string>) {
  const schema = procedure.inputs[0];
  if (!schema) return undefined;
  const input = sampleInput(procedure.path, schema, (kind) =>
    fromOther.has(kind) ? world.other[kind] : world.own[kind],
  );
  const patch = INPUT_PATCHES[procedure.path];
  return withTaskVersions(
    patch ? { ...(input as Record<string, unknown>), ...patch } : input,
    world.taskVersions,
  );
}

export async function callProcedure(db: Db, user: SessionUser | null, path: string, input: unknown) {
  let target: unknown = createCaller({ db, user });
  for (const part of path.split(".")) target = (target as Record<string, unknown>)[part];
  return (target as (input: unknown) => Promise<unknown>)(input);
}

export interface Observation {
  ok: boolean;
  code?: string;
  message?: string;
  answer?: string;
  changed: string[];
}

class RolledBack extends Error {
  constructor(readonly observation: Observation) {
    super("rolled back");
  }
}

/**
 * Calls the procedure inside a transaction that is always rolled back, so every case starts from the same
 * world; records what changed in between when asked to (`fingerprint`).
 */
export async function observe(
  db: Db,
  user: SessionUser | null,
  path: string,
  input: unknown,
  fingerprint: boolean,
): Promise<Observation> {
  try {
    await db.transaction(async (tx) => {
      const txDb = tx as unknown as Db;
      const before = fingerprint ? await databaseFingerprint(txDb) : null;
      let observation: Observation;
      try {
        const result = await callProcedure(txDb, user, path, input);
        observation = { ok: true, answer: JSON.stringify(superjson.serialize(result).json), changed: [] };
      } catch (error) {
        observation =
          error instanceof TRPCError
            ? { ok: false, code: error.code, message: error.message, changed: [] }
            : { ok: false, code: "NOT_A_TRPC_ERROR", message: String(error), changed: [] };
      }
      // A backtest started by a case runs on this transaction: stop it while the transaction still lives
      // (on a Postgres server, queries on a finished transaction never answer).
      await stopLocalBacktests();
      if (before) observation.changed = changedTables(before, await databaseFingerprint(txDb));
      throw new RolledBack(observation);
    });
  } catch (error) {
    if (error instanceof RolledBack) return error.observation;
    throw error;
  }
  throw new Error("unreachable: the case transaction always rolls back");
}

const REFUSALS = new Set(["UNAUTHORIZED", "FORBIDDEN", "NOT_FOUND"]);
const BROKEN = new Set(["INTERNAL_SERVER_ERROR", "NOT_A_TRPC_ERROR"]);

/** Whether what happened meets the expectation; the reason when it does not. */
export function judge(expectation: Expectation, principal: string, seen: Observation): string | null {
  const canary = principal === "reviewer" ? OTHER_QUEUE_CANARY : OTHER_WORKFLOW_CANARY;
  const leaked = seen.answer?.includes(canary) ?? false;
  const outcome = seen.ok ? "answered" : `${seen.code}: ${seen.message}`;
  switch (expectation) {
    case "unauthorized":
    case "forbidden":
      return seen.code === expectation.toUpperCase() ? null : `expected ${expectation}, got ${outcome}`;
    case "allow":
      return seen.ok || (!REFUSALS.has(seen.code!) && !BROKEN.has(seen.code!))
        ? null
        : `expected to pass the checks, got ${outcome}`;
    case "filtered":
      if (!seen.ok) return `expected an answer, got ${outcome}`;
      return leaked ? "the answer holds another queue's task" : null;
    case "deny":
      if (!seen.ok && BROKEN.has(seen.code!)) return `expected a refusal, got ${outcome}`;
      if (leaked) return "the answer reveals the other object";
      if (seen.changed.length > 0) return `changed ${seen.changed.join(", ")}`;
      return null;
  }
}
