/**
 * The two ways an attempt can fail, as the gateway sees them: the system is not answering properly (worth
 * retrying, counts against the circuit breaker) or the call itself is wrong (retrying cannot help).
 */

export class UpstreamUnavailableError extends Error {
  override name = "UpstreamUnavailableError";
  constructor(
    message: string,
    readonly details: { httpStatus?: number; retryAfterMs?: number | null } = {},
  ) {
    super(message);
  }
}

export class CallFailedError extends Error {
  override name = "CallFailedError";
  constructor(
    message: string,
    readonly details: { httpStatus?: number; body?: unknown } = {},
  ) {
    super(message);
  }
}
