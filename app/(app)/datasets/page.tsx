import Link from "next/link";
import { Upload } from "lucide-react";
import { DatasetsList } from "@/components/datasets/datasets-list";
import { NotAllowed } from "@/components/shell/not-allowed";
import { Button } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { hasRole, requirePageUser } from "@/server/page-auth";

export const metadata = { title: "Datasets" };
const ROLES_ALLOWED = ["admin", "owner"] as const;

export default async function DatasetsPage() {
  const user = await requirePageUser();
  if (!hasRole(user, ROLES_ALLOWED)) return <NotAllowed role={user.role} needed={ROLES_ALLOWED} />;
  return (
    <>
      <PageHeader
        title="Datasets"
        description="Historical cases with what actually happened to each: what backtests compare a workflow against."
        actions={
          <Button asChild>
            <Link href="/datasets/new">
              <Upload className="h-4 w-4" aria-hidden /> Import dataset
            </Link>
          </Button>
        }
      />
      <DatasetsList />
    </>
  );
}
