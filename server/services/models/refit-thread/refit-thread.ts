import { Worker } from "node:worker_threads";
import { sourceWorker } from "../../../source-worker";
import {
  deserializeEmbeddedModel,
  trainEmbeddedModel,
  type EmbeddedModel,
  type RefitApart,
  type SerializedEmbeddedModel,
  type TrainEmbeddedModelOptions,
} from "@/lib/models";

/** Refit thread → caller. */
export type RefitReply =
  { type: "model"; model: SerializedEmbeddedModel } | { type: "failed"; message: string };

function spawn(options: TrainEmbeddedModelOptions): Worker {
  if (process.env.NEXT_RUNTIME) {
    // Inside the app the bundler builds this entry into a chunk of its own (it recognises the literal URL form).
    return new Worker(new URL("./refit-worker.ts", import.meta.url), { workerData: options });
  }
  return sourceWorker(__dirname, "refit-worker", options);
}

/** The training itself failed (no case before the cut-off, say): another thread would fail alike. */
class TrainingFailed extends Error {}

/** Fits in a worker thread: answers its model; rejects with its failure, or when it cannot start or dies. */
export function refitInWorker(options: TrainEmbeddedModelOptions): Promise<EmbeddedModel> {
  const worker = spawn(options);
  return new Promise<EmbeddedModel>((resolve, reject) => {
    worker.once("message", (reply: RefitReply) => {
      if (reply.type === "model") resolve(deserializeEmbeddedModel(reply.model));
      else reject(new TrainingFailed(reply.message));
    });
    worker.once("error", reject);
    worker.once("exit", (code) => reject(new Error(`the refit thread exited (code ${code})`)));
  }).finally(() => void worker.terminate());
}

/**
 * Fits the final model of trainEmbeddedModelSplit in a thread of its own, so it runs beside the held-out
 * fit on another core. A thread that cannot start or dies is not fatal: the fit then runs in this thread.
 */
export const refitInThread: RefitApart = async (options) => {
  try {
    return await refitInWorker(options);
  } catch (error) {
    if (error instanceof TrainingFailed) throw error;
    console.warn(
      `[switchboard] the refit thread failed (${error instanceof Error ? error.message : String(error)}); refitting in this thread`,
    );
    return trainEmbeddedModel(options);
  }
};
