/**
 * Runs once when the server starts: open, migrate and seed the database before the first request, and exit
 * with one clear line when the database cannot be used (never a stack trace).
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  const { startDatabase } = await import("./server/startup");
  await startDatabase();
}
