// `npm run db:migrate`: apply the committed migrations to DATABASE_URL, or to the embedded database.
import { databaseUrl } from "../config";
import { appliedMigrationCount, openDatabase } from "./client";

async function main() {
  const database = await openDatabase({ url: databaseUrl() });
  const count = await appliedMigrationCount(database.db);
  console.log(`${database.engine} at ${database.location}: ${count} migrations applied`);
  await database.close();
}

main().catch((error: unknown) => {
  console.error(`db:migrate failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
