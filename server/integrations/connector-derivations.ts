import { Redactor } from "../secrets/redactor";
import type { LoadedConnector } from "./connector-source";
import { profileCompleteness, type ProfileCompleteness } from "./profile";
import { resiliencePolicy, type ResiliencePolicy } from "./resilience/policy";

/** What follows from a loaded connector alone. */
export interface DerivedConnector {
  completeness: ProfileCompleteness;
  policy: ResiliencePolicy;
  /** A redactor for exactly these sensitive values (secrets plus the header values made from them). */
  redactorFor: (values: Set<string>) => Redactor;
}

/** OAuth2 tokens rotate: keep only a few sets of values per load. */
const MAX_REDACTORS_PER_LOAD = 8;

/**
 * Computes a connector's derived facts once per load (the source caches loads) instead of on every call:
 * at thousands of calls a minute, completeness, policy and redactor construction add up.
 */
export class ConnectorDerivations {
  private readonly byLoad = new WeakMap<LoadedConnector, DerivedConnector>();

  of(loaded: LoadedConnector): DerivedConnector {
    let derived = this.byLoad.get(loaded);
    if (!derived) {
      derived = derive(loaded);
      this.byLoad.set(loaded, derived);
    }
    return derived;
  }
}

function derive(loaded: LoadedConnector): DerivedConnector {
  const secrets = Object.fromEntries(Object.keys(loaded.secrets).map((name) => [name, { set: true }]));
  const redactors = new Map<string, Redactor>();
  return {
    completeness: profileCompleteness({ ...loaded.connector, secrets }),
    policy: resiliencePolicy(loaded.connector.profile, loaded.connector.resilience),
    redactorFor(values) {
      const key = [...values].join("\u0000");
      let redactor = redactors.get(key);
      if (!redactor) {
        if (redactors.size >= MAX_REDACTORS_PER_LOAD) redactors.clear();
        redactor = new Redactor(values);
        redactors.set(key, redactor);
      }
      return redactor;
    },
  };
}
