import { redirect } from "next/navigation";
import { homePathFor, requirePageUser } from "@/server/page-auth";

export const dynamic = "force-dynamic";

export default async function Home() {
  redirect(homePathFor(await requirePageUser()));
}
