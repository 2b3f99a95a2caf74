import crypto from "node:crypto";
import { and, eq } from "drizzle-orm";
import type { RateLimiterMemory } from "rate-limiter-flexible";
import type { Db } from "../../../db/client";
import { ingestRequests, items } from "../../../db/schema";
import { reportedOutcomeSchema } from "../api-schemas";
import { IngestError } from "../errors";
import { ingestItems, type IngestResult } from "../ingest-items";
import { reportOutcome } from "../report-outcome";
import { authenticate, spendRateLimit } from "./authenticate";
import { readJsonBody } from "./read-json-body";
import { apiError, json } from "./responses";

export interface ApiDeps {
  db: Db;
  limiter: RateLimiterMemory;
}

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,200}$/;

export function statusUrl(itemId: string): string {
  return `/api/v1/items/${itemId}`;
}

/** Turns our refusals into JSON answers; anything else is ours to fix and says so without details. */
async function answer(run: () => Promise<Response>): Promise<Response> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof IngestError) {
      const retryAfter = (error as IngestError & { retryAfterSeconds?: number }).retryAfterSeconds;
      return apiError(error.status, error.code, error.message, {
        fields: error.fields,
        headers: {
          ...(retryAfter ? { "retry-after": String(retryAfter) } : {}),
          ...(error.status === 401 ? { "www-authenticate": 'Bearer realm="switchboard"' } : {}),
        },
      });
    }
    console.error("[switchboard] api error", error);
    return apiError(500, "internal_error", "Something went wrong on our side; the request can be retried.");
  }
}

interface StoredAnswer {
  status: number;
  body: unknown;
}

function answerFor(result: IngestResult, batch: boolean): StoredAnswer {
  const withUrl = result.accepted.map((a) => ({ ...a, statusUrl: statusUrl(a.itemId) }));
  if (batch && withUrl.length > 0)
    return { status: 202, body: { accepted: withUrl, rejected: result.rejected } };
  if (batch) {
    const fields = result.rejected.flatMap((r) =>
      r.errors.map((e) => ({ path: `[${r.index}]${e.path ? `.${e.path}` : ""}`, message: e.message })),
    );
    return {
      status: 400,
      body: {
        error: {
          code: "invalid_items",
          message: "No item of the batch matches the workflow's trigger fields.",
          fields,
        },
        accepted: [],
        rejected: result.rejected,
      },
    };
  }
  const [first] = withUrl;
  if (!first) {
    return {
      status: 400,
      body: {
        error: {
          code: "invalid_item",
          message: "The item does not match the workflow's trigger fields.",
          fields: result.rejected[0]?.errors ?? [],
        },
      },
    };
  }
  const { index: _index, ...single } = first;
  return { status: 202, body: single };
}

function respond(stored: StoredAnswer, replayed: boolean): Response {
  const body = stored.body as { statusUrl?: string };
  return json(stored.body, stored.status, {
    ...(body.statusUrl ? { location: body.statusUrl } : {}),
    ...(replayed ? { "idempotent-replayed": "true" } : {}),
  });
}

async function replay(
  db: Db,
  keyId: string,
  idempotencyKey: string,
  requestHash: string,
): Promise<Response | null> {
  const [earlier] = await db
    .select()
    .from(ingestRequests)
    .where(and(eq(ingestRequests.apiKeyId, keyId), eq(ingestRequests.idempotencyKey, idempotencyKey)));
  if (!earlier) return null;
  if (earlier.requestHash !== requestHash) {
    throw new IngestError(
      422,
      "idempotency_key_reused",
      "This Idempotency-Key was already used with a different request; use a new key for a new request.",
    );
  }
  return respond({ status: earlier.status, body: earlier.response }, true);
}

/** `POST /api/v1/workflows/{id}/items`: one item (a JSON object) or a batch (a JSON array). */
export function postItems(request: Request, workflowId: string, deps: ApiDeps): Promise<Response> {
  return answer(async () => {
    const key = await authenticate(deps.db, request);
    if (key.workflowId && key.workflowId !== workflowId) {
      throw new IngestError(
        403,
        "forbidden_workflow",
        "This API key may only send items to another workflow.",
      );
    }
    await spendRateLimit(deps.limiter, key.id);
    const idempotencyKey = request.headers.get("idempotency-key");
    if (idempotencyKey !== null && !IDEMPOTENCY_KEY.test(idempotencyKey)) {
      throw new IngestError(
        400,
        "invalid_idempotency_key",
        "Idempotency-Key must be 1–200 visible ASCII characters.",
      );
    }
    const body = await readJsonBody(request);
    const batch = Array.isArray(body.value);
    if (!batch && (typeof body.value !== "object" || body.value === null)) {
      throw new IngestError(
        400,
        "invalid_item",
        "Send one item as a JSON object, or a batch as a JSON array of objects.",
      );
    }
    const requestHash = crypto.createHash("sha256").update(`${workflowId}\0${body.text}`).digest("hex");
    if (idempotencyKey) {
      const earlier = await replay(deps.db, key.id, idempotencyKey, requestHash);
      if (earlier) return earlier;
    }
    const list = batch ? (body.value as unknown[]) : [body.value];
    if (list.length === 0) throw new IngestError(400, "empty_batch", "The batch is empty.");
    let stored: StoredAnswer | undefined;
    try {
      await ingestItems(deps.db, { workflowId, items: list, apiKeyId: key.id }, async (tx, result) => {
        stored = answerFor(result, batch);
        if (idempotencyKey && stored.status < 300) {
          await tx.insert(ingestRequests).values({
            id: crypto.randomUUID(),
            apiKeyId: key.id,
            idempotencyKey,
            requestHash,
            status: stored.status,
            response: stored.body,
          });
        }
      });
    } catch (error) {
      // The same key sent twice at once: the other request committed first, so answer as it did.
      const earlier =
        idempotencyKey && isUniqueViolation(error)
          ? await replay(deps.db, key.id, idempotencyKey, requestHash)
          : null;
      if (earlier) return earlier;
      throw error;
    }
    return respond(stored!, false);
  });
}

function isUniqueViolation(error: unknown): boolean {
  for (let e: unknown = error; e; e = (e as { cause?: unknown }).cause) {
    if ((e as { code?: string }).code === "23505") return true;
  }
  return false;
}

/** `GET /api/v1/items/{id}`: status, outcome and trace. */
export function getItem(request: Request, itemId: string, deps: ApiDeps): Promise<Response> {
  return answer(async () => {
    const key = await authenticate(deps.db, request);
    await spendRateLimit(deps.limiter, key.id);
    const [item] = await deps.db.select().from(items).where(eq(items.id, itemId));
    if (!item || (key.workflowId && key.workflowId !== item.workflowId)) {
      throw new IngestError(404, "item_not_found", "There is no item with this id.");
    }
    return json({
      itemId: item.id,
      workflowId: item.workflowId,
      externalId: item.externalId,
      mode: item.mode,
      status: item.status,
      receivedAt: item.receivedAt.toISOString(),
      processedAt: item.processedAt?.toISOString() ?? null,
      outcome: item.outcome,
      trace: item.trace,
      reportedOutcome: item.label,
    });
  });
}

/** `POST /api/v1/items/{id}/outcome`: what the human process decided. */
export function postOutcome(request: Request, itemId: string, deps: ApiDeps): Promise<Response> {
  return answer(async () => {
    const key = await authenticate(deps.db, request);
    await spendRateLimit(deps.limiter, key.id);
    const body = await readJsonBody(request);
    const parsed = reportedOutcomeSchema.safeParse(body.value);
    if (!parsed.success) {
      throw new IngestError(
        400,
        "invalid_outcome",
        'Send {"type":"route","team":…}, {"type":"resolve","resolution":…} or {"type":"end"}.',
        parsed.error.issues.map((issue) => ({ path: issue.path.join("."), message: issue.message })),
      );
    }
    const result = await reportOutcome(deps.db, {
      itemId,
      apiKeyWorkflowId: key.workflowId,
      reported: parsed.data,
    });
    return json(result);
  });
}
