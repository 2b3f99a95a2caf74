import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A loopback HTTP server speaking just enough of the OpenAI Chat Completions and Anthropic Messages protocols
 * for the real AI SDK providers to talk to it. Each test decides the answers; every request is kept.
 */
export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingMessage["headers"];
  body: Record<string, unknown>;
}

export interface Reply {
  status?: number;
  body: unknown;
  headers?: Record<string, string>;
  /** Answer this late (to exercise timeouts); the server stops waiting when the client goes away. */
  delayMs?: number;
}

export type ReplyFor = (request: RecordedRequest, index: number) => Reply;

export interface LoopbackLlmServer {
  url: string;
  requests: RecordedRequest[];
  /** The most requests in flight at once. */
  maxInFlight: number;
  reply: ReplyFor;
  close(): Promise<void>;
}

export async function startLoopbackLlmServer(reply: ReplyFor): Promise<LoopbackLlmServer> {
  const state: LoopbackLlmServer = {
    url: "",
    requests: [],
    maxInFlight: 0,
    reply,
    close: async () => {},
  };
  let inFlight = 0;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const text = Buffer.concat(chunks).toString("utf8");
      const recorded: RecordedRequest = {
        method: req.method ?? "",
        path: req.url ?? "",
        headers: req.headers,
        body: text ? (JSON.parse(text) as Record<string, unknown>) : {},
      };
      const index = state.requests.push(recorded) - 1;
      inFlight++;
      state.maxInFlight = Math.max(state.maxInFlight, inFlight);
      const answer = state.reply(recorded, index);
      const send = () => {
        inFlight--;
        if (res.destroyed) return;
        res.writeHead(answer.status ?? 200, { "content-type": "application/json", ...answer.headers });
        res.end(typeof answer.body === "string" ? answer.body : JSON.stringify(answer.body));
      };
      if (answer.delayMs) {
        const timer = setTimeout(send, answer.delayMs);
        res.on("close", () => {
          if (!res.writableEnded) {
            clearTimeout(timer);
            inFlight--;
          }
        });
      } else send();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  state.url = `http://127.0.0.1:${port}`;
  state.close = () =>
    new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return state;
}

/** Splits an answer into word-ish tokens; the token equal to `label` gets `labelLogprob`, the rest near-certain. */
export function logprobTokens(content: string, label: string, labelLogprob: number) {
  const pieces = content.match(/[A-Za-z0-9_-]+|[^A-Za-z0-9_-]+/g) ?? [];
  return pieces.map((token) => ({
    token,
    logprob: token === label ? labelLogprob : -0.0001,
    bytes: null,
    top_logprobs: [],
  }));
}

export function chatCompletion(
  content: string,
  options: { logprobs?: ReturnType<typeof logprobTokens>; model?: string } = {},
) {
  return {
    id: "chatcmpl-loopback",
    object: "chat.completion",
    created: 1_767_000_000,
    model: options.model ?? "loopback-model",
    choices: [
      {
        index: 0,
        message: { role: "assistant", content },
        finish_reason: "stop",
        logprobs: options.logprobs ? { content: options.logprobs } : null,
      },
    ],
    usage: { prompt_tokens: 120, completion_tokens: 12, total_tokens: 132 },
  };
}

/** An Anthropic Messages answer, as text (native structured output) or as the SDK's JSON tool call. */
export function anthropicMessage(answer: Record<string, unknown>, request: RecordedRequest) {
  const tools = request.body.tools as Array<{ name: string }> | undefined;
  const content = tools?.length
    ? [{ type: "tool_use", id: "toolu_loopback", name: tools[0]!.name, input: answer }]
    : [{ type: "text", text: JSON.stringify(answer) }];
  return {
    id: "msg_loopback",
    type: "message",
    role: "assistant",
    model: String(request.body.model),
    content,
    stop_reason: tools?.length ? "tool_use" : "end_turn",
    stop_sequence: null,
    usage: { input_tokens: 90, output_tokens: 15 },
  };
}
