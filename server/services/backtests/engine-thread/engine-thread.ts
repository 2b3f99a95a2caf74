import { Worker } from "node:worker_threads";
import { sourceWorker } from "../../../source-worker";
import type { BatchResult, BatchRunner } from "../batch-evaluator";
import type { WindowRow } from "../window-rows";
import type { ThreadReply, ThreadRequest } from "./messages";
import type { ThreadSetup } from "./thread-setup";

/** How long a new thread may take to load the engine and the models before the run falls back. */
const READY_TIMEOUT_MS = 30_000;

function spawn(setup: ThreadSetup): Worker {
  if (process.env.NEXT_RUNTIME) {
    // Inside the app the bundler builds this entry into a chunk of its own (the literal URL form is what
    // Turbopack recognises).
    return new Worker(new URL("./engine-worker.ts", import.meta.url), { workerData: setup });
  }
  return sourceWorker(__dirname, "engine-worker", setup);
}

/**
 * Starts an engine thread for one backtest: the engine and the models run there while this thread reads
 * the next batch and writes the last one, so the two overlap. Rejects when the thread cannot start.
 */
export async function startEngineThread(setup: ThreadSetup): Promise<BatchRunner> {
  const worker = spawn(setup);
  let nextId = 1;
  const waiting = new Map<number, { resolve(r: BatchResult): void; reject(e: Error): void }>();
  let failure: Error | null = null;
  const failAll = (error: Error) => {
    failure ??= error;
    for (const pending of waiting.values()) pending.reject(error);
    waiting.clear();
  };

  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error("the engine thread did not start in time")),
      READY_TIMEOUT_MS,
    );
    worker.once("message", (message: ThreadReply) => {
      clearTimeout(timer);
      if (message.type === "ready") resolve();
      else reject(new Error(message.type === "failed" ? message.message : "unexpected first message"));
    });
    worker.once("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
  }).catch(async (error: unknown) => {
    await worker.terminate();
    throw error;
  });

  worker.on("message", (message: ThreadReply) => {
    if (message.type === "batch") {
      waiting.get(message.id)?.resolve({ results: message.results, state: message.state });
      waiting.delete(message.id);
    } else if (message.type === "failed") {
      const error = new Error(message.message);
      if (message.id === undefined) failAll(error);
      else {
        waiting.get(message.id)?.reject(error);
        waiting.delete(message.id);
      }
    }
  });
  worker.on("error", (error) => failAll(error));
  worker.on("exit", (code) => failAll(new Error(`the engine thread exited (code ${code})`)));

  return {
    where: "thread",
    evaluate(rows: readonly WindowRow[], firstSeq: number) {
      if (failure) return Promise.reject(failure);
      const id = nextId++;
      return new Promise<BatchResult>((resolve, reject) => {
        waiting.set(id, { resolve, reject });
        worker.postMessage({ id, rows, firstSeq } satisfies ThreadRequest);
      });
    },
    async close() {
      await worker.terminate();
    },
  };
}
