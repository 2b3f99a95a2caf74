import postgres from "postgres";

/** Kills one backend of the Postgres server at DATABASE_URL, as a failover or an admin would. */
export async function terminateBackend(pid: number): Promise<void> {
  const admin = postgres(process.env.DATABASE_URL!, { max: 1, onnotice: () => {} });
  try {
    await admin`select pg_terminate_backend(${pid})`;
  } finally {
    await admin.end();
  }
}
