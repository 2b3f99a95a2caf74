import type { ConnectorAuth, ConnectorOperation } from "./connector-schema";
import { SECRET_LABELS, SECRET_NAME_BY_METHOD } from "./connector-schema";
import type { IntegrationProfileDraft } from "./profile-schema";

/** The parts of a connector the completeness check reads; structural, so a stored row or a form draft both fit. */
export interface ProfiledConnector {
  auth?: Pick<ConnectorAuth, "method"> | null;
  operations?: readonly Pick<ConnectorOperation, "name">[];
  profile?: IntegrationProfileDraft | null;
  /** When known, a missing secret counts as an unanswered auth question. */
  secrets?: Readonly<Record<string, { set: boolean }>>;
}

export interface ProfileCompleteness {
  complete: boolean;
  /** Plain-words names of the open questions, in the order the form asks them. */
  missing: string[];
}

/**
 * Which profile questions are still open. A workflow may not use a connector until this is complete, so an
 * integration's failure behaviour is decided before the first item reaches it. Pure: no I/O.
 */
export function profileCompleteness(connector: ProfiledConnector): ProfileCompleteness {
  const profile = connector.profile ?? {};
  const missing: string[] = [];
  if (!profile.access) missing.push("whether it has an API or is human-only");
  const humanOnly = profile.access === "human_only";

  if (!humanOnly) {
    const method = connector.auth?.method;
    if (!method) missing.push("auth method");
    const secretName = method ? SECRET_NAME_BY_METHOD[method] : null;
    if (secretName && connector.secrets && !connector.secrets[secretName]?.set) {
      missing.push(`the ${SECRET_LABELS[secretName] ?? secretName} (auth secret)`);
    }
  }
  if (!profile.dataExposed) missing.push("what data it exposes");
  if (!profile.dataFormat) missing.push("data format");
  if (!humanOnly) {
    if (!profile.rateLimit) missing.push("rate limit (requests per second and burst)");
    if (!profile.latency) missing.push("expected latency (p50 and p95)");
  }
  if (!profile.humanTasks) missing.push("which tasks need a human in the vendor's interface");
  if (!profile.onUnavailable) missing.push("what to do when it is unavailable");
  if (!humanOnly && (connector.operations?.length ?? 0) === 0) missing.push("at least one operation");

  return { complete: missing.length === 0, missing };
}

/** Where an admin completes a connector's profile; validation errors link here. */
export function connectorProfilePath(connectorId: string): string {
  return `/admin/connectors/${encodeURIComponent(connectorId)}`;
}
