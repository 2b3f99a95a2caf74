"use client";

import * as Dialog from "@radix-ui/react-dialog";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Trash } from "lucide-react";
import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { useTRPC } from "@/components/providers/trpc";
import { Button } from "@/components/ui/button";

export function DeleteConnectorButton({ connectorId, name }: { connectorId: string; name: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const remove = useMutation(
    trpc.connectors.delete.mutationOptions({
      onSuccess: async () => {
        toast.success(`${name} deleted.`);
        await queryClient.invalidateQueries({ queryKey: trpc.connectors.list.queryKey() });
        router.push("/admin/connectors");
      },
    }),
  );

  return (
    <Dialog.Root>
      <Dialog.Trigger asChild>
        <Button type="button" variant="ghost">
          <Trash className="h-4 w-4" aria-hidden /> Delete
        </Button>
      </Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-40 bg-slate-900/40" />
        <Dialog.Content className="fixed left-1/2 top-1/2 z-50 w-[min(28rem,calc(100vw-2rem))] -translate-x-1/2 -translate-y-1/2 space-y-4 rounded-lg bg-white p-6 shadow-xl">
          <Dialog.Title className="text-base font-semibold text-slate-900">Delete {name}?</Dialog.Title>
          <Dialog.Description className="text-sm text-slate-600">
            Its stored secrets are deleted with it. Workflows that use it will fail validation until they use
            another connector.
          </Dialog.Description>
          <div className="flex justify-end gap-2">
            <Dialog.Close asChild>
              <Button type="button" variant="secondary">
                Keep it
              </Button>
            </Dialog.Close>
            <Button
              type="button"
              variant="danger"
              disabled={remove.isPending}
              onClick={() => remove.mutate({ id: connectorId })}
            >
              {remove.isPending ? "Deleting…" : "Delete connector"}
            </Button>
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
