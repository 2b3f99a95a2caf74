import { ImportWizard } from "@/components/datasets/import-wizard";
import { NotAllowed } from "@/components/shell/not-allowed";
import { PageHeader } from "@/components/ui/page-header";
import { hasRole, requirePageUser } from "@/server/page-auth";

export const metadata = { title: "Import dataset" };
const ROLES_ALLOWED = ["admin", "owner"] as const;

export default async function NewDatasetPage() {
  const user = await requirePageUser();
  if (!hasRole(user, ROLES_ALLOWED)) return <NotAllowed role={user.role} needed={ROLES_ALLOWED} />;
  return (
    <>
      <PageHeader
        title="Import dataset"
        description="A CSV or JSON Lines file of past cases: pick the file, say which column is what, and import. Bad rows are reported, not dropped silently."
      />
      <ImportWizard />
    </>
  );
}
