import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ProviderLimiter } from "../../../adapters/models/llm/provider-limiter";
import type { Database } from "../../../db/client";
import { openTestDatabase } from "../../../testing/test-database";
import { createProvider } from "../providers/providers";
import { reserveProviderRequest, sharedRateReservation } from "../providers/provider-rate-bucket";

let database: Database;
let providerId: string;

beforeAll(async () => {
  database = await openTestDatabase();
  ({ id: providerId } = await createProvider(database.db, null, {
    name: "Limited",
    kind: "openai",
    baseUrl: null,
    defaultModel: "m",
    concurrency: 2,
    requestsPerMinute: 3,
    timeoutMs: 5_000,
    inputCostPerMillion: 0,
    outputCostPerMillion: 0,
  }));
}, 60_000);
afterAll(() => database.close());

describe("a provider's shared rate limit", () => {
  it("lets a minute's requests through, then makes the next wait for its token, whoever asks", async () => {
    // Two limiters stand for two worker processes: the bucket they share is the database row.
    const reserve = sharedRateReservation(database.db);
    const waits: number[] = [];
    const recording = async (id: string, rpm: number) => {
      const wait = await reserve(id, rpm);
      waits.push(wait);
      return wait;
    };
    const first = new ProviderLimiter(2, 3, undefined, { providerId, reserve: recording });
    const second = new ProviderLimiter(2, 3, undefined, { providerId, reserve: recording });
    await Promise.all([first.run(async () => 1), first.run(async () => 2), second.run(async () => 3)]);
    expect(waits).toEqual([0, 0, 0]);
    // The fourth request of the minute, from either process, waits about 20 s (3 a minute).
    const wait = await reserveProviderRequest(database.db, providerId, 3);
    expect(wait).toBeGreaterThan(18_000);
    expect(wait).toBeLessThanOrEqual(20_000);
  });

  it("limits within the process when the shared bucket cannot be reached", async () => {
    const limiter = new ProviderLimiter(1, 600, undefined, {
      providerId,
      reserve: async () => {
        throw new Error("connection refused");
      },
    });
    expect(await limiter.run(async () => "answered")).toBe("answered");
  });
});
