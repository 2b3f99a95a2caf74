import { and, eq, sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { secrets } from "../db/schema";
import { decryptSecret, encryptSecret } from "./cipher";
import { loadSecretKey } from "./secret-key";

/** All the browser ever learns about a secret. */
export type SecretStatus = { set: true; updatedAt: Date } | { set: false };

/**
 * Secrets encrypted at rest, addressed by scope ("connector:<id>", "model-provider:<id>") and name.
 * `reveal` is for the server's outbound calls only; everything shown to a user goes through `status`.
 * Nothing here logs, and no error message carries a secret's value.
 */
export class SecretStore {
  constructor(
    private readonly db: Db,
    private readonly key: Buffer = loadSecretKey(),
  ) {}

  async set(scope: string, name: string, value: string): Promise<SecretStatus> {
    const ciphertext = encryptSecret(value, this.key, aad(scope, name));
    const updatedAt = new Date();
    await this.db
      .insert(secrets)
      .values({ scope, name, ciphertext, updatedAt })
      .onConflictDoUpdate({ target: [secrets.scope, secrets.name], set: { ciphertext, updatedAt } });
    return { set: true, updatedAt };
  }

  async reveal(scope: string, name: string): Promise<string | null> {
    const [row] = await this.db
      .select({ ciphertext: secrets.ciphertext })
      .from(secrets)
      .where(and(eq(secrets.scope, scope), eq(secrets.name, name)));
    return row ? decryptSecret(row.ciphertext, this.key, aad(scope, name)) : null;
  }

  /** Every secret in a scope, decrypted, with a version that changes whenever one of them does. */
  async revealScope(scope: string): Promise<{ values: Record<string, string>; version: string }> {
    const rows = await this.db.select().from(secrets).where(eq(secrets.scope, scope));
    const values: Record<string, string> = {};
    for (const row of rows) values[row.name] = decryptSecret(row.ciphertext, this.key, aad(scope, row.name));
    const version = rows
      .map((row) => `${row.name}@${row.updatedAt.getTime()}`)
      .sort()
      .join(",");
    return { values, version };
  }

  async statuses(scope: string): Promise<Record<string, SecretStatus>> {
    const rows = await this.db
      .select({ name: secrets.name, updatedAt: secrets.updatedAt })
      .from(secrets)
      .where(eq(secrets.scope, scope));
    return Object.fromEntries(
      rows.map((row) => [row.name, { set: true, updatedAt: row.updatedAt } as const]),
    );
  }

  async delete(scope: string, name: string): Promise<void> {
    await this.db.delete(secrets).where(and(eq(secrets.scope, scope), eq(secrets.name, name)));
  }

  async deleteScope(scope: string): Promise<void> {
    await this.db.delete(secrets).where(eq(secrets.scope, scope));
  }

  /** Secrets per scope for many scopes at once, e.g. to show completeness on a list. */
  async statusesByScope(scopePrefix: string): Promise<Map<string, Record<string, SecretStatus>>> {
    const rows = await this.db
      .select({ scope: secrets.scope, name: secrets.name, updatedAt: secrets.updatedAt })
      .from(secrets)
      .where(sql`starts_with(${secrets.scope}, ${scopePrefix})`);
    const byScope = new Map<string, Record<string, SecretStatus>>();
    for (const row of rows) {
      const entry = byScope.get(row.scope) ?? {};
      entry[row.name] = { set: true, updatedAt: row.updatedAt };
      byScope.set(row.scope, entry);
    }
    return byScope;
  }
}

/** Binds each ciphertext to its address, so a row copied under another name fails to decrypt. */
function aad(scope: string, name: string): string {
  return `${scope}/${name}`;
}
