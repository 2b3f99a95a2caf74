import type { ConnectorGateway, ConnectorRequest } from "../ports";

/**
 * A gateway that lets reads through and answers writes itself with
 * `{ status: "ok", data: { suppressed: true } }`, telling `onSuppressed` what
 * would have been sent. The run goes on exactly as if the write had succeeded.
 */
export function suppressWrites(
  gateway: ConnectorGateway,
  onSuppressed?: (request: ConnectorRequest) => void,
): ConnectorGateway {
  return {
    call(request) {
      if (request.kind !== "write") return gateway.call(request);
      onSuppressed?.(request);
      return { status: "ok", data: { suppressed: true } };
    },
  };
}
