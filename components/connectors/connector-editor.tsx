"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Save } from "lucide-react";
import { useRouter } from "next/navigation";
import { useMemo, useState, type FormEvent } from "react";
import { toast } from "sonner";
import { useTRPC } from "@/components/providers/trpc";
import { Button } from "@/components/ui/button";
import { ErrorState, LoadingState } from "@/components/ui/states";
import type { ConnectorDetails } from "@/server/services/connectors/manage-connectors";
import { AuthSection } from "./auth-section";
import { CompletenessPanel } from "./completeness-panel";
import { draftFromConnector, draftToInput, emptyDraft, type ConnectorDraft } from "./connector-draft";
import { DeleteConnectorButton } from "./delete-connector-button";
import { GeneralSection } from "./general-section";
import { OperationsSection } from "./operations-section";
import { ProfileSection } from "./profile-section";
import { ResilienceSection } from "./resilience-section";

/** Create (no id) or edit a connector. */
export function ConnectorEditor({ connectorId }: { connectorId?: string }) {
  const trpc = useTRPC();
  const connector = useQuery({
    ...trpc.connectors.get.queryOptions({ id: connectorId ?? "" }),
    enabled: Boolean(connectorId),
  });
  if (!connectorId) return <ConnectorForm connector={null} />;
  if (connector.isPending) return <LoadingState label="Loading connector…" />;
  if (connector.isError)
    return <ErrorState message={connector.error.message} onRetry={() => connector.refetch()} />;
  // Keyed by the save time: after a save the form starts again from what the server stored.
  return <ConnectorForm key={connector.data.updatedAt.getTime()} connector={connector.data} />;
}

function ConnectorForm({ connector }: { connector: ConnectorDetails | null }) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const saved = useMemo(() => (connector ? draftFromConnector(connector) : null), [connector]);
  const [draft, setDraft] = useState<ConnectorDraft>(() => saved ?? emptyDraft());
  const [problems, setProblems] = useState<string[]>([]);

  const onSaved = async (result: ConnectorDetails, verb: string) => {
    toast.success(`${result.name} ${verb}.`);
    await queryClient.invalidateQueries({ queryKey: trpc.connectors.list.queryKey() });
    queryClient.setQueryData(trpc.connectors.get.queryKey({ id: result.id }), result);
  };
  const create = useMutation(
    trpc.connectors.create.mutationOptions({
      onSuccess: async (result) => {
        await onSaved(result, "created");
        router.push(`/admin/connectors/${result.id}`);
      },
    }),
  );
  const update = useMutation(
    trpc.connectors.update.mutationOptions({ onSuccess: (result) => onSaved(result, "saved") }),
  );
  const pending = create.isPending || update.isPending;
  const serverError = (create.error ?? update.error)?.message;

  function submit(event: FormEvent) {
    event.preventDefault();
    const converted = draftToInput(draft);
    if (!converted.ok) return setProblems(converted.problems);
    setProblems([]);
    const input = { definition: converted.definition, secrets: converted.secrets };
    if (connector) update.mutate({ id: connector.id, ...input, expectedUpdatedAt: connector.updatedAt });
    else create.mutate({ ...input, id: converted.id });
  }

  return (
    <form onSubmit={submit} className="space-y-5" noValidate>
      {connector ? <CompletenessPanel completeness={connector.completeness} /> : null}
      <GeneralSection draft={draft} onChange={setDraft} creating={!connector} />
      <AuthSection draft={draft} secrets={connector?.secrets ?? {}} onChange={setDraft} />
      <ProfileSection draft={draft} onChange={setDraft} />
      <OperationsSection
        draft={draft}
        onChange={setDraft}
        savedConnectorId={connector?.id ?? null}
        savedOperations={saved?.operations ?? []}
      />
      <ResilienceSection draft={draft} onChange={setDraft} />

      {problems.length > 0 || serverError ? (
        <div role="alert" className="rounded-md border border-red-200 bg-red-50 p-4 text-sm text-red-800">
          <p className="font-medium">The connector was not saved:</p>
          <ul className="mt-1 list-disc pl-5">
            {(problems.length > 0 ? problems : (serverError ?? "").split("; ")).map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
        </div>
      ) : null}

      <div className="sticky bottom-0 flex items-center justify-between gap-3 border-t border-slate-200 bg-slate-50/95 py-3">
        {connector ? <DeleteConnectorButton connectorId={connector.id} name={connector.name} /> : <span />}
        <Button type="submit" disabled={pending}>
          <Save className="h-4 w-4" aria-hidden />{" "}
          {pending ? "Saving…" : connector ? "Save changes" : "Create connector"}
        </Button>
      </div>
    </form>
  );
}
