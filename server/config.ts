/** Process configuration, read once from the environment. */
export function appPort(): number {
  return Number(process.env.PORT ?? 3000);
}

export function appBaseUrl(): string {
  return process.env.BETTER_AUTH_URL ?? `http://localhost:${appPort()}`;
}

export function databaseUrl(): string | undefined {
  return process.env.DATABASE_URL || undefined;
}

/** Demo mode seeds demo users and data; the default on the embedded database. */
export function demoMode(): boolean {
  const flag = process.env.SWITCHBOARD_DEMO;
  if (flag === "1" || flag === "true") return true;
  if (flag === "0" || flag === "false") return false;
  return !databaseUrl();
}

export const DEMO_PASSWORD = "switchboard-demo";
export const DEMO_USERS = [
  { email: "admin@demo.switchboard.dev", name: "Ada Admin", role: "admin" },
  { email: "owner@demo.switchboard.dev", name: "Oscar Owner", role: "owner" },
  { email: "reviewer@demo.switchboard.dev", name: "Rita Reviewer", role: "reviewer" },
] as const;
