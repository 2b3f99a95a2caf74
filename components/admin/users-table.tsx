"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Users } from "lucide-react";
import { toast } from "sonner";
import { useTRPC } from "@/components/providers/trpc";
import { Card } from "@/components/ui/card";
import { formatDate } from "@/components/ui/format";
import { EmptyState, ErrorState, LoadingState } from "@/components/ui/states";
import { ROLE_LABELS, ROLES, type Role } from "@/lib/roles";

export function UsersTable({ currentUserId }: { currentUserId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const users = useQuery(trpc.users.list.queryOptions());
  const setRole = useMutation(
    trpc.users.setRole.mutationOptions({
      onSuccess: (updated) => {
        toast.success(`${updated.name} is now ${ROLE_LABELS[updated.role]}.`);
        return queryClient.invalidateQueries({ queryKey: trpc.users.list.queryKey() });
      },
    }),
  );

  if (users.isPending) return <LoadingState label="Loading users…" />;
  if (users.isError) return <ErrorState message={users.error.message} onRetry={() => users.refetch()} />;
  if (users.data.length === 0) return <EmptyState icon={Users} title="No users yet" />;

  return (
    <Card className="overflow-hidden">
      <table className="w-full text-sm">
        <thead className="border-b border-slate-200 bg-slate-50 text-left text-xs font-medium uppercase tracking-wide text-slate-500">
          <tr>
            <th className="px-4 py-2.5">Name</th>
            <th className="px-4 py-2.5">Email</th>
            <th className="px-4 py-2.5">Role</th>
            <th className="px-4 py-2.5">Joined</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {users.data.map((u) => (
            <tr key={u.id}>
              <td className="px-4 py-3 font-medium">
                {u.name}
                {u.id === currentUserId ? <span className="ml-2 text-xs text-slate-500">(you)</span> : null}
              </td>
              <td className="px-4 py-3 text-slate-600">{u.email}</td>
              <td className="px-4 py-3">
                <label className="sr-only" htmlFor={`role-${u.id}`}>
                  Role of {u.name}
                </label>
                <select
                  id={`role-${u.id}`}
                  value={u.role}
                  disabled={setRole.isPending}
                  onChange={(event) => setRole.mutate({ userId: u.id, role: event.target.value as Role })}
                  className="h-8 rounded-md border border-slate-300 bg-white px-2 text-sm"
                >
                  {ROLES.map((role) => (
                    <option key={role} value={role}>
                      {ROLE_LABELS[role]}
                    </option>
                  ))}
                </select>
              </td>
              <td className="px-4 py-3 text-slate-600">{formatDate(u.createdAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Card>
  );
}
