import crypto from "node:crypto";
import { hashPassword } from "better-auth/crypto";
import type { Role } from "@/lib/roles";
import type { Db } from "../client";
import { account, user } from "../schema";

export interface NewUser {
  email: string;
  name: string;
  role: Role;
  password: string;
}

/** Creates a user with an email/password credential, as better-auth's sign-up would. */
export async function createUserWithPassword(db: Db, input: NewUser): Promise<string> {
  const id = crypto.randomUUID();
  const password = await hashPassword(input.password);
  await db.transaction(async (tx) => {
    await tx.insert(user).values({
      id,
      email: input.email.toLowerCase(),
      name: input.name,
      role: input.role,
      emailVerified: true,
    });
    await tx
      .insert(account)
      .values({ id: crypto.randomUUID(), accountId: id, providerId: "credential", userId: id, password });
  });
  return id;
}
