import { defineConfig } from "drizzle-kit";

// Migrations are generated from the schema and committed; they are applied at start-up by server/db/migrate.ts.
export default defineConfig({
  dialect: "postgresql",
  schema: "./server/db/schema/index.ts",
  out: "./drizzle",
});
