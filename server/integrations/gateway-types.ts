import type { LookupFunction } from "node:net";
import type { ConnectorSource } from "./connector-source";
import type { RateLimiter } from "./rate-limit/rate-limiter";
import type { CircuitState } from "./resilience/circuit-breaker";

export type GatewayResult =
  | { status: "ok"; data: Record<string, unknown> }
  /** `retryAfterMs`: when trying again makes sense (Retry-After, or the circuit's remaining cool-down). */
  | { status: "unavailable"; reason: string; retryAfterMs?: number; circuit: CircuitState }
  | { status: "error"; message: string };

/** What "Test connection" shows besides the result. */
export interface AttemptDetails {
  httpStatus?: number;
  attempts: number;
  /** The raw response, redacted and shortened, so an admin can fix a mapping that yields nulls. */
  responsePreview?: string;
}
export type DetailedGatewayResult = GatewayResult & AttemptDetails & { latencyMs: number };

export interface HttpConnectorGatewayOptions {
  connectors: ConnectorSource;
  rateLimiter: RateLimiter;
  /** Epoch milliseconds: circuit cool-downs, token expiry, Retry-After dates. */
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  /** Receives one line per failed attempt, already redacted. */
  log?: (line: string) => void;
  /** Resolver override for tests; defaults to the system's, checked against the SSRF rules. */
  lookup?: LookupFunction;
  /** Told each change of a connector's circuit breaker (monitoring records them); must not throw. */
  onCircuitChange?: (change: CircuitChange) => void;
}

export interface CircuitChange {
  connectorId: string;
  from: CircuitState;
  to: CircuitState;
  /** For an opening: the cool-down before a probe is let through. */
  cooldownMs: number | null;
  /** Epoch milliseconds, on the gateway's clock. */
  atMs: number;
}

export interface ExecuteOptions {
  /** "Test connection" runs while the profile is still being filled in; workflows may not. */
  allowIncompleteProfile?: boolean;
  maxRetries?: number;
}
