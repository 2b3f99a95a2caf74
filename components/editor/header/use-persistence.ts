"use client";

import { useMutation } from "@tanstack/react-query";
import { TRPCClientError } from "@trpc/client";
import { useCallback } from "react";
import { toast } from "sonner";
import { useTRPC } from "@/components/providers/trpc";
import { useEditorStores } from "../store/editor-provider";
import { useRefreshWorkflow } from "../use-workflow";

function isConflict(error: unknown): error is TRPCClientError<never> {
  return (
    error instanceof TRPCClientError && (error.data as { code?: string } | undefined)?.code === "CONFLICT"
  );
}

/** Saving drafts, publishing, and reloading the newest version into the canvas. */
export function usePersistence(workflowId: string) {
  const trpc = useTRPC();
  const { graph, session, overlay } = useEditorStores();
  const refresh = useRefreshWorkflow(workflowId);
  // A save conflict opens its own dialog; the global error toast would say it twice.
  const saveDraft = useMutation(
    trpc.workflows.saveDraft.mutationOptions({ meta: { handlesOwnErrors: true } }),
  );
  const publish = useMutation(trpc.workflows.publish.mutationOptions());

  /** Saves the canvas as a new draft version; answers the saved version, or null (a conflict opens its dialog). */
  const save = useCallback(
    async (note: string, asNewDraft = false): Promise<{ id: string; version: number } | null> => {
      const { docId, toGraph } = graph.getState();
      const { baseVersion } = session.getState();
      session.getState().setSaving(true);
      try {
        const saved = await saveDraft.mutateAsync({
          workflowId,
          graph: toGraph(),
          note: note.trim() || undefined,
          baseVersion,
          asNewDraft,
        });
        session.getState().markSaved(docId, saved.version, saved.id);
        toast.success(
          `Saved as version ${saved.version}${saved.validation.ok ? "" : ` (${saved.validation.errors.length} problems to fix before publishing)`}`,
        );
        await refresh();
        return saved;
      } catch (error) {
        if (isConflict(error)) session.getState().setConflict({ message: error.message, note });
        return null;
      } finally {
        session.getState().setSaving(false);
      }
    },
    [graph, session, saveDraft, workflowId, refresh],
  );

  /** Replaces the canvas with the newest saved version (discarding unsaved changes). */
  const reload = useCallback(async () => {
    const fresh = await refresh();
    graph.getState().load(fresh.version.graph);
    session.getState().markSaved(graph.getState().docId, fresh.latestVersion, fresh.version.id);
    overlay.getState().setTryResult(null);
    return fresh;
  }, [refresh, graph, session, overlay]);

  /** Publishes a version; the server refuses (with its reason) when it is invalid or a test case fails. */
  const publishVersion = useCallback(
    async (versionId: string, note?: string) => {
      const result = await publish.mutateAsync({ workflowId, versionId, note: note?.trim() || undefined });
      toast.success(`Published version ${result.version}`);
      await refresh();
      return result;
    },
    [publish, workflowId, refresh],
  );

  return { save, reload, publishVersion, saving: saveDraft.isPending, publishing: publish.isPending };
}
