import type { ConnectorGateway, ConnectorRequest } from "@/lib/engine/ports";
import type { Redactor } from "../secrets/redactor";
import { OAuth2TokenCache } from "./auth/oauth2-token-cache";
import { attemptCall, prepareRequest, type AttemptSuccess, type PreparedRequest } from "./call-attempt";
import { CallFailedError, UpstreamUnavailableError } from "./call-errors";
import type { ConnectorOperation } from "./connector-schema";
import type { LoadedConnector } from "./connector-source";
import { createAgents, type Transport } from "./http/send-request";
import { callRefusal } from "./call-refusal";
import { ConnectorDerivations, type DerivedConnector } from "./connector-derivations";
import type {
  AttemptDetails,
  DetailedGatewayResult,
  ExecuteOptions,
  GatewayResult,
  HttpConnectorGatewayOptions,
} from "./gateway-types";
import { mapResponse } from "./response-mapping";
import { backoffDelayMs } from "./resilience/backoff";
import { CircuitBreaker, type CircuitState } from "./resilience/circuit-breaker";
import type { ResiliencePolicy } from "./resilience/policy";
import { TemplateError } from "./template";

export type {
  CircuitChange,
  DetailedGatewayResult,
  ExecuteOptions,
  GatewayResult,
  HttpConnectorGatewayOptions,
} from "./gateway-types";

const PREVIEW_CHARS = 2_000;

/**
 * The live ConnectorGateway: enforces each connector's profile — rate limit, timeout, retries with backoff
 * and Retry-After, circuit breaker, idempotent writes, SSRF rules — and redacts secrets from everything it
 * returns or logs. One instance per process; its breakers and token caches live in memory.
 */
export class HttpConnectorGateway implements ConnectorGateway {
  private readonly breakers = new Map<string, CircuitBreaker>();
  private readonly derived = new ConnectorDerivations();
  private readonly agents = createAgents();
  private readonly tokens: OAuth2TokenCache;
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly random: () => number;
  private readonly log: (line: string) => void;

  constructor(private readonly options: HttpConnectorGatewayOptions) {
    this.now = options.now ?? (() => Date.now());
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    this.random = options.random ?? Math.random;
    this.log = options.log ?? ((line) => console.warn(line));
    this.tokens = new OAuth2TokenCache({ now: this.now });
  }

  async call(request: ConnectorRequest): Promise<GatewayResult> {
    const {
      httpStatus: _status,
      latencyMs: _latency,
      attempts: _attempts,
      responsePreview: _preview,
      ...result
    } = await this.execute(request);
    return result as GatewayResult;
  }

  async execute(request: ConnectorRequest, options: ExecuteOptions = {}): Promise<DetailedGatewayResult> {
    const startedAt = performance.now();
    const elapsed = () => Math.round(performance.now() - startedAt);
    const loaded = await this.options.connectors.load(request.connectorId);
    if (!loaded)
      return {
        status: "error",
        message: `There is no connector with id ${request.connectorId}.`,
        latencyMs: elapsed(),
        attempts: 0,
      };
    const derived = this.derived.of(loaded);
    const redactor = { current: derived.redactorFor(new Set(Object.values(loaded.secrets))) };
    const refusal = callRefusal(loaded.connector, request, derived.completeness, options);
    if (refusal) return { status: "error", message: refusal, latencyMs: elapsed(), attempts: 0 };
    const operation = loaded.connector.operations.find((candidate) => candidate.name === request.operation)!;

    let prepared: PreparedRequest;
    try {
      prepared = prepareRequest(loaded.connector, operation, request.input, request.idempotencyKey);
    } catch (error) {
      if (!(error instanceof TemplateError)) throw error;
      return {
        status: "error",
        message: `${operation.name}: ${error.message}`,
        latencyMs: elapsed(),
        attempts: 0,
      };
    }
    const policy =
      options.maxRetries === undefined
        ? derived.policy
        : { ...derived.policy, maxRetries: options.maxRetries };
    const outcome = await this.withRetries(
      loaded,
      operation,
      prepared,
      policy,
      request.idempotencyKey,
      redactor,
      derived,
    );
    const result: DetailedGatewayResult = { ...outcome, latencyMs: elapsed() };
    // Redact last, with every credential the call used (an OAuth2 token is only known once fetched).
    return redactor.current.value(result);
  }

  circuitState(connectorId: string): CircuitState {
    return this.breakers.get(connectorId)?.state ?? "closed";
  }

  /** Closes idle keep-alive connections; call when the process shuts down. */
  close(): void {
    this.agents.http.destroy();
    this.agents.https.destroy();
  }

  private async withRetries(
    loaded: LoadedConnector,
    operation: ConnectorOperation,
    prepared: PreparedRequest,
    policy: ResiliencePolicy,
    idempotencyKey: string,
    redactor: { current: Redactor },
    derived: DerivedConnector,
  ): Promise<GatewayResult & AttemptDetails> {
    const { connector } = loaded;
    const breaker = this.breakerFor(connector.id, policy);
    // A write is retried only when the server can recognise the repeat by its Idempotency-Key.
    const maxRetries = operation.kind === "read" || idempotencyKey ? policy.maxRetries : 0;
    const sensitive = new Set(Object.values(loaded.secrets));
    const label = `${connector.name}.${operation.name}`;
    let lastFailure: UpstreamUnavailableError | null = null;

    for (let attempt = 0; attempt <= maxRetries; attempt++) {
      const permit = breaker.acquire();
      if (!permit.allowed) {
        const reason = lastFailure
          ? `${label} is unavailable: ${lastFailure.message} The circuit is now open.`
          : `${label} is unavailable: the circuit is open after repeated failures.`;
        return {
          status: "unavailable",
          reason,
          retryAfterMs: permit.retryAfterMs,
          circuit: breaker.state,
          attempts: attempt,
          httpStatus: lastFailure?.details.httpStatus,
        };
      }
      const waitMs = await this.options.rateLimiter.reserve(connector.id, policy.rateLimit);
      if (waitMs > policy.maxQueueMs) {
        if (permit.probe) breaker.releaseProbe();
        return {
          status: "unavailable",
          reason: `${label} is over its rate limit: the queue is longer than ${Math.round(policy.maxQueueMs / 1000)} s.`,
          retryAfterMs: waitMs,
          circuit: breaker.state,
          attempts: attempt,
        };
      }
      if (waitMs > 0) await this.sleep(waitMs);

      let success: AttemptSuccess;
      try {
        success = await attemptCall(prepared, {
          loaded: {
            connector,
            secrets: loaded.secrets,
            tokenCacheKey: `${connector.id}|${loaded.secretsVersion}`,
          },
          transport: this.transport(connector.allowedHosts),
          tokens: this.tokens,
          timeoutMs: policy.timeoutMs,
          now: this.now,
          onSensitiveValues: (values) => {
            const before = sensitive.size;
            values.forEach((value) => sensitive.add(value));
            if (sensitive.size !== before) redactor.current = derived.redactorFor(sensitive);
          },
        });
      } catch (error) {
        if (error instanceof CallFailedError) {
          // The system answered: it is up, whatever it thought of the request.
          if (error.details.httpStatus !== undefined) breaker.recordSuccess();
          else if (permit.probe) breaker.releaseProbe();
          return {
            status: "error",
            message: `${label}: ${error.message}`,
            httpStatus: error.details.httpStatus,
            attempts: attempt + 1,
            responsePreview: preview(error.details.body),
          };
        }
        if (!(error instanceof UpstreamUnavailableError)) throw error;
        breaker.recordFailure();
        lastFailure = error;
        const delay = this.retryDelay(error, attempt, policy);
        const willRetry =
          attempt < maxRetries && delay <= policy.maxRetryAfterMs && breaker.state === "closed";
        this.log(
          redactor.current.text(
            `[connectors] ${label} attempt ${attempt + 1}/${maxRetries + 1} failed: ${error.message}${willRetry ? ` Retrying in ${delay} ms.` : ""}`,
          ),
        );
        if (!willRetry) {
          const retryAfterMs =
            breaker.state === "closed" ? (error.details.retryAfterMs ?? undefined) : breaker.retryAfterMs();
          return {
            status: "unavailable",
            reason: `${label} is unavailable: ${error.message}`,
            retryAfterMs,
            circuit: breaker.state,
            httpStatus: error.details.httpStatus,
            attempts: attempt + 1,
          };
        }
        await this.sleep(delay);
        continue;
      }
      breaker.recordSuccess();
      const data = mapResponse(success.body, operation.responseMapping);
      return {
        status: "ok",
        data,
        httpStatus: success.httpStatus,
        attempts: attempt + 1,
        responsePreview: preview(success.rawBody),
      };
    }
    // Unreachable: the last iteration always returns.
    throw new Error("retry loop ended without a result");
  }

  private retryDelay(error: UpstreamUnavailableError, attempt: number, policy: ResiliencePolicy): number {
    const retryAfterMs = error.details.retryAfterMs;
    if (retryAfterMs !== undefined && retryAfterMs !== null) return retryAfterMs;
    return backoffDelayMs(attempt, {
      baseMs: policy.backoffBaseMs,
      capMs: policy.backoffCapMs,
      random: this.random,
    });
  }

  private breakerFor(connectorId: string, policy: ResiliencePolicy): CircuitBreaker {
    const settings = {
      failureThreshold: policy.breakerFailureThreshold,
      cooldownMs: policy.breakerCooldownMs,
    };
    let breaker = this.breakers.get(connectorId);
    if (!breaker) {
      const onChange = this.options.onCircuitChange;
      breaker = new CircuitBreaker({
        ...settings,
        now: this.now,
        ...(onChange && {
          onChange: (from: CircuitState, to: CircuitState) => {
            const cooldownMs = to === "open" ? (this.breakers.get(connectorId)?.cooldownMs ?? null) : null;
            try {
              onChange({ connectorId, from, to, cooldownMs, atMs: this.now() });
            } catch (error) {
              // Recording the history must never change how a call goes.
              this.log(`[connectors] recording a circuit change failed: ${String(error)}`);
            }
          },
        }),
      });
      this.breakers.set(connectorId, breaker);
    } else {
      breaker.configure(settings);
    }
    return breaker;
  }

  private transport(allowedHosts: readonly string[]): Transport {
    return {
      allowedHosts,
      agents: this.agents,
      ...(this.options.lookup ? { lookup: this.options.lookup } : {}),
    };
  }
}

function preview(body: unknown): string | undefined {
  if (body === undefined || body === null || body === "") return undefined;
  const text = typeof body === "string" ? body : JSON.stringify(body);
  return text.length > PREVIEW_CHARS ? `${text.slice(0, PREVIEW_CHARS)}…` : text;
}
