import type { ConnectorGateway, ConnectorRequest, ConnectorResult } from "../ports";

/**
 * Connector reads answered from what was recorded: keyed
 * `connectorId.operation`, each a fixed answer or a function of the request
 * (to look the input up). Missing → `unavailable`, said plainly.
 */
export type RecordedRead = ConnectorResult | ((request: ConnectorRequest) => ConnectorResult | undefined);
export type RecordedReads =
  Readonly<Record<string, RecordedRead>> | ((request: ConnectorRequest) => ConnectorResult | undefined);

export function recordedReadsGateway(recorded: RecordedReads): ConnectorGateway {
  return {
    call(request) {
      const key = `${request.connectorId}.${request.operation}`;
      const entry =
        typeof recorded === "function" ? recorded : Object.hasOwn(recorded, key) ? recorded[key] : undefined;
      const answer = typeof entry === "function" ? entry(request) : entry;
      return answer ?? { status: "unavailable", reason: `no recorded response for ${key}` };
    },
  };
}

/** For runs with no integrations set up (the CLI's live mode): every call is unavailable, saying why. */
export function unconfiguredGateway(): ConnectorGateway {
  return {
    call(request) {
      return {
        status: "unavailable",
        reason: `connector "${request.connectorId}" is not configured here, so ${request.operation} was not called`,
      };
    },
  };
}
