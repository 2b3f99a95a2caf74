/**
 * The refit thread's entry: trains on the options it is started with and answers the model, serialized
 * (plain data crosses threads cheaply), or why it failed. Never throws.
 */
import { parentPort, workerData } from "node:worker_threads";
import { serializeEmbeddedModel, trainEmbeddedModel, type TrainEmbeddedModelOptions } from "@/lib/models";
import type { RefitReply } from "./refit-thread";

const port = parentPort;
if (!port) throw new Error("refit-worker runs only as a worker thread");
let reply: RefitReply;
try {
  reply = {
    type: "model",
    model: serializeEmbeddedModel(trainEmbeddedModel(workerData as TrainEmbeddedModelOptions)),
  };
} catch (error) {
  reply = { type: "failed", message: error instanceof Error ? error.message : String(error) };
}
port.postMessage(reply);
