import { EmbeddedModelsTable } from "@/components/models/embedded-models-table";
import { NewProviderDialog } from "@/components/models/new-provider-dialog";
import { ProvidersTable } from "@/components/models/providers-table";
import { NotAllowed } from "@/components/shell/not-allowed";
import { PageHeader } from "@/components/ui/page-header";
import { hasRole, requirePageUser } from "@/server/page-auth";

export const metadata = { title: "Models" };
export const dynamic = "force-dynamic";
const ROLES_ALLOWED = ["admin"] as const;

export default async function ModelsPage() {
  const user = await requirePageUser();
  if (!hasRole(user, ROLES_ALLOWED)) return <NotAllowed role={user.role} needed={ROLES_ALLOWED} />;
  return (
    <>
      <PageHeader
        title="Models"
        description="LLM providers that classify and match nodes may use, and the embedded models trained on your history."
        actions={<NewProviderDialog />}
      />
      <h2 className="mb-2 text-sm font-semibold text-slate-700">LLM providers</h2>
      <ProvidersTable />
      <h2 className="mt-8 mb-2 text-sm font-semibold text-slate-700">Embedded models</h2>
      <EmbeddedModelsTable />
    </>
  );
}
