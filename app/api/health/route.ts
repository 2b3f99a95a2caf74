import { NextResponse } from "next/server";
import { appliedMigrationCount } from "@/server/db/client";
import { getDatabase } from "@/server/db";

export const dynamic = "force-dynamic";

export async function GET() {
  try {
    const database = await getDatabase();
    const migrations = await appliedMigrationCount(database.db);
    return NextResponse.json({ status: "ok", database: database.engine, migrations });
  } catch (error) {
    return NextResponse.json(
      { status: "error", error: error instanceof Error ? error.message : String(error) },
      { status: 503 },
    );
  }
}
