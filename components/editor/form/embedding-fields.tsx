"use client";

import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "@/components/providers/trpc";
import { SelectField, TextField } from "./fields";

type Embedding = { providerId: string; model: string } | undefined;

/** BM25 by default; embeddings through a configured provider (not Anthropic, which has no embedding API). */
export function EmbeddingFields({
  value,
  onChange,
  issues,
  disabled,
}: {
  value: Embedding;
  onChange(value: Embedding): void;
  issues?: string[];
  disabled?: boolean;
}) {
  const trpc = useTRPC();
  const providers = useQuery(trpc.modelProviders.choices.queryOptions());
  const options = [
    { value: "", label: "BM25 (built in)" },
    ...(providers.data ?? [])
      .filter((p) => p.kind !== "anthropic")
      .map((p) => ({ value: p.id, label: `Embeddings: ${p.name}` })),
  ];
  return (
    <div className="grid grid-cols-2 gap-2">
      <SelectField
        label="Similarity"
        value={value?.providerId ?? ""}
        options={options}
        onChange={(providerId) =>
          onChange(providerId ? { providerId, model: value?.model || "text-embedding-3-small" } : undefined)
        }
        issues={issues}
        hint="Falls back to BM25 when the provider fails."
        disabled={disabled}
      />
      {value ? (
        <TextField
          label="Embedding model"
          value={value.model}
          onChange={(model) => onChange({ ...value, model })}
          disabled={disabled}
        />
      ) : null}
    </div>
  );
}
