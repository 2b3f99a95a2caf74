import { AsyncLocalStorage } from "node:async_hooks";

/** Who an audit row names. */
export type AuditActor =
  | { type: "user"; id: string | null; label: string }
  | { type: "api_key"; id: string; label: string }
  | { type: "system" };

export const SYSTEM_ACTOR: AuditActor = { type: "system" };

/**
 * The actor of the request being served, carried through its async calls. The tRPC role guard sets it
 * once per call, so a service records who acted without every signature growing an actor parameter; a
 * service that already knows its actor passes it explicitly instead. Kept on globalThis so every bundle
 * Next.js builds shares one store.
 */
const globalForActor = globalThis as unknown as { switchboardAuditActor?: AsyncLocalStorage<AuditActor> };
const store = (globalForActor.switchboardAuditActor ??= new AsyncLocalStorage<AuditActor>());

export function runAsActor<T>(actor: AuditActor, work: () => T): T {
  return store.run(actor, work);
}

/** The signed-in user as an actor. */
export function userActor(user: { id: string; email: string }): AuditActor {
  return { type: "user", id: user.id, label: user.email };
}

export function apiKeyActor(key: { id: string; prefix: string }): AuditActor {
  return { type: "api_key", id: key.id, label: `api-key:${key.prefix}` };
}

/** Outside any request (workers, guards, seeds) the system acts. */
export function currentActor(): AuditActor {
  return store.getStore() ?? SYSTEM_ACTOR;
}
