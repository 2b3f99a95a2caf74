/** The three roles of Switchboard. Order matters only for display. */
export const ROLES = ["admin", "owner", "reviewer"] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  admin: "Admin",
  owner: "Process owner",
  reviewer: "Reviewer",
};

export const ROLE_DESCRIPTIONS: Record<Role, string> = {
  admin: "Users, connectors, thresholds and everything owners can do.",
  owner: "Draws and publishes workflows, runs backtests.",
  reviewer: "Works the review inbox.",
};

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}
