/**
 * The engine thread's entry: builds the evaluator from the setup it is started with, then answers each batch
 * message with the batch's results and the running totals after it. Any failure is answered, never thrown.
 */
import { parentPort, workerData } from "node:worker_threads";
import type { WindowRow } from "../window-rows";
import { evaluatorFromSetup, type ThreadSetup } from "./thread-setup";
import type { ThreadReply, ThreadRequest } from "./messages";

const port = parentPort;
if (!port) throw new Error("engine-worker runs only as a worker thread");

const reply = (message: ThreadReply) => port.postMessage(message);
let evaluator: ReturnType<typeof evaluatorFromSetup> | undefined;
try {
  evaluator = evaluatorFromSetup(workerData as ThreadSetup);
  reply({ type: "ready" });
} catch (error) {
  reply({ type: "failed", message: error instanceof Error ? error.message : String(error) });
}

port.on("message", (request: ThreadRequest) => {
  if (!evaluator) return;
  evaluator.evaluate(request.rows as WindowRow[], request.firstSeq).then(
    ({ results, state }) => reply({ type: "batch", id: request.id, results, state }),
    (error: unknown) =>
      reply({
        type: "failed",
        id: request.id,
        message: error instanceof Error ? error.message : String(error),
      }),
  );
});
