"use client";

import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { ArrowLeft, BookOpen, Search, Trash2 } from "lucide-react";
import Link from "next/link";
import { useDeferredValue, useState } from "react";
import { toast } from "sonner";
import { useTRPC } from "@/components/providers/trpc";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Input } from "@/components/ui/input";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState, ErrorState, LoadingState } from "@/components/ui/states";
import { BuildFromDatasetDialog } from "./build-from-dataset-dialog";
import { ImportEntriesDialog } from "./import-entries-dialog";

const PAGE = 100;
const plural = (n: number, one: string, many: string) => `${n.toLocaleString("en")} ${n === 1 ? one : many}`;
const SOURCE_LABEL = { manual: "manual", import: "imported", dataset: "past case" } as const;

/**
 * A workflow's knowledge base: the articles and resolved past cases its match nodes (set to "the workflow's
 * knowledge base") compare items with. Import, build from a dataset, search, delete.
 */
export function KnowledgeScreen({ workflowId }: { workflowId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [search, setSearch] = useState("");
  const deferred = useDeferredValue(search.trim());
  const [limit, setLimit] = useState(PAGE);
  const [confirmClear, setConfirmClear] = useState(false);
  const [deleting, setDeleting] = useState<string | null>(null);
  const workflow = useQuery(trpc.workflows.get.queryOptions({ workflowId }));
  const listInput = { workflowId, search: deferred || undefined, limit };
  const entries = useQuery({
    ...trpc.knowledge.list.queryOptions(listInput),
    placeholderData: keepPreviousData,
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.knowledge.list.queryKey() });
  const deleteEntry = useMutation(
    trpc.knowledge.deleteEntry.mutationOptions({
      onSuccess: async () => {
        setDeleting(null);
        await refresh();
      },
      onError: (error) => toast.error(error.message),
    }),
  );
  const clear = useMutation(
    trpc.knowledge.clear.mutationOptions({
      onSuccess: async () => {
        setConfirmClear(false);
        toast.success("The knowledge base is empty.");
        await refresh();
      },
      onError: (error) => toast.error(error.message),
    }),
  );

  const data = entries.data;
  const total = data?.total ?? 0;
  const actions = (
    <>
      <BuildFromDatasetDialog workflowId={workflowId} onBuilt={refresh} />
      <ImportEntriesDialog workflowId={workflowId} onImported={refresh} />
    </>
  );

  return (
    <>
      <Link
        href={`/workflows/${workflowId}`}
        className="mb-3 inline-flex items-center gap-1 text-sm text-slate-600 hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-accent-500"
      >
        <ArrowLeft className="h-4 w-4" aria-hidden />
        {workflow.data?.workflow.name ?? "Workflow"}
      </Link>
      <PageHeader
        title="Knowledge base"
        description="Known resolutions (articles or resolved past cases) that this workflow's match nodes compare each item with: BM25 by default, embeddings when a node names a provider."
      />
      {entries.isLoading ? (
        <LoadingState label="Loading entries…" />
      ) : entries.isError ? (
        <ErrorState message={entries.error.message} onRetry={() => entries.refetch()} />
      ) : total === 0 ? (
        <EmptyState icon={BookOpen} title="No entries yet">
          <p>
            Import a CSV or JSON file of articles, or build entries from a dataset&apos;s resolved cases. Then
            set a match node&apos;s source to the workflow&apos;s knowledge base.
          </p>
          <div className="mt-4 flex justify-center gap-2">{actions}</div>
        </EmptyState>
      ) : (
        <div className="space-y-3">
          <div className="flex flex-wrap items-center gap-3">
            <div className="relative w-80 max-w-full">
              <Search
                className="pointer-events-none absolute left-2.5 top-2.5 h-4 w-4 text-slate-400"
                aria-hidden
              />
              <Input
                type="search"
                aria-label="Search entries"
                placeholder="Search id, title, text or resolution"
                value={search}
                onChange={(e) => {
                  setSearch(e.target.value);
                  setLimit(PAGE);
                }}
                className="pl-8"
              />
            </div>
            <span className="text-sm text-slate-600" aria-live="polite">
              {deferred
                ? `${data!.matching.toLocaleString("en")} of ${plural(total, "entry", "entries")} match`
                : plural(total, "entry", "entries")}
            </span>
            <div className="ml-auto flex items-center gap-2">
              <Button type="button" size="sm" variant="ghost" onClick={() => setConfirmClear(true)}>
                Delete all…
              </Button>
              {actions}
            </div>
          </div>
          {data!.entries.length === 0 ? (
            <EmptyState icon={Search} title="No entry matches">
              Nothing in the id, title, text or resolution contains “{deferred}”.
            </EmptyState>
          ) : (
            <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
              <table className="w-full table-fixed text-left text-sm">
                <colgroup>
                  <col className="w-56" />
                  <col />
                  <col className="w-72" />
                  <col className="w-32" />
                  <col className="w-14" />
                </colgroup>
                <thead className="border-b border-slate-200 bg-slate-50 text-xs text-slate-500">
                  <tr>
                    <th scope="col" className="px-3 py-2 font-medium">
                      Entry
                    </th>
                    <th scope="col" className="px-3 py-2 font-medium">
                      Text
                    </th>
                    <th scope="col" className="px-3 py-2 font-medium">
                      Resolution
                    </th>
                    <th scope="col" className="px-3 py-2 font-medium">
                      Source
                    </th>
                    <th scope="col" className="px-3 py-2">
                      <span className="sr-only">Actions</span>
                    </th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {data!.entries.map((entry) => (
                    <tr key={entry.entryKey} className="align-top">
                      <td className="px-3 py-2">
                        {/* A past case's title is its first line: shown once, in the text column. */}
                        {entry.text.startsWith(entry.title.replace(/…$/, "")) ? null : (
                          <div className="line-clamp-2 font-medium break-words text-slate-900">
                            {entry.title}
                          </div>
                        )}
                        <div className="truncate font-mono text-xs text-slate-500" title={entry.entryKey}>
                          {entry.entryKey}
                        </div>
                      </td>
                      <td className="px-3 py-2 text-slate-700">
                        <p className="line-clamp-2 break-words">{entry.text}</p>
                      </td>
                      <td className="px-3 py-2 text-slate-700">
                        <p className="line-clamp-2 break-words">{entry.resolution}</p>
                      </td>
                      <td className="px-3 py-2 whitespace-nowrap">
                        <Badge>{SOURCE_LABEL[entry.source]}</Badge>
                        {entry.embedded ? (
                          <Badge tone="accent" className="ml-1">
                            embedded
                          </Badge>
                        ) : null}
                      </td>
                      <td className="px-3 py-2 text-right">
                        <Button
                          type="button"
                          size="sm"
                          variant="ghost"
                          aria-label={`Delete ${entry.entryKey}`}
                          disabled={deleting === entry.entryKey}
                          onClick={() => {
                            setDeleting(entry.entryKey);
                            deleteEntry.mutate({ workflowId, entryKey: entry.entryKey });
                          }}
                        >
                          <Trash2 className="h-4 w-4" aria-hidden />
                        </Button>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {data!.entries.length < data!.matching ? (
            <div className="flex justify-center">
              <Button type="button" variant="secondary" size="sm" onClick={() => setLimit((n) => n + PAGE)}>
                Show more ({(data!.matching - data!.entries.length).toLocaleString("en")} left)
              </Button>
            </div>
          ) : null}
        </div>
      )}
      <ConfirmDialog
        open={confirmClear}
        onOpenChange={setConfirmClear}
        title="Delete every entry?"
        description={`All ${total.toLocaleString("en")} entries of this knowledge base go. Match nodes reading it will find nothing until you import again.`}
        confirmLabel="Delete all"
        pending={clear.isPending}
        onConfirm={() => clear.mutate({ workflowId })}
      />
    </>
  );
}
