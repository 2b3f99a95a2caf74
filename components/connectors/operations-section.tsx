import { Plus } from "lucide-react";
import { Button } from "@/components/ui/button";
import { emptyOperation, type ConnectorDraft, type OperationDraft } from "./connector-draft";
import { Section } from "./form-fields";
import { OperationCard } from "./operation-card";

export function OperationsSection({
  draft,
  onChange,
  savedConnectorId,
  savedOperations,
}: {
  draft: ConnectorDraft;
  onChange: (draft: ConnectorDraft) => void;
  savedConnectorId: string | null;
  /** The operations as last saved, to tell which ones a test would run unchanged. */
  savedOperations: readonly OperationDraft[];
}) {
  if (draft.profile.access === "human_only") {
    return (
      <Section
        title="Operations"
        description="A human-only system has no operations a workflow can call; its work goes to a review queue."
      >
        <p className="text-sm text-slate-600">Nothing to configure.</p>
      </Section>
    );
  }
  const replace = (index: number, operation: OperationDraft | null) => {
    const operations = [...draft.operations];
    if (operation) operations[index] = operation;
    else operations.splice(index, 1);
    onChange({ ...draft, operations });
  };
  const isSaved = (operation: OperationDraft) =>
    savedOperations.some((saved) => sameOperation(saved, operation));

  return (
    <Section
      title="Operations"
      description="What a workflow may ask of this system. Each maps its response to named output fields."
    >
      {draft.operations.length === 0 ? (
        <p className="text-sm text-slate-600">No operations yet: a workflow needs at least one.</p>
      ) : null}
      {draft.operations.map((operation, index) => (
        <OperationCard
          key={operation.key}
          operation={operation}
          onChange={(next) => replace(index, next)}
          onRemove={() => replace(index, null)}
          testable={savedConnectorId && isSaved(operation) ? { connectorId: savedConnectorId } : null}
        />
      ))}
      <Button
        type="button"
        variant="secondary"
        onClick={() => onChange({ ...draft, operations: [...draft.operations, emptyOperation()] })}
      >
        <Plus className="h-4 w-4" aria-hidden /> Add operation
      </Button>
    </Section>
  );
}

function sameOperation(a: OperationDraft, b: OperationDraft): boolean {
  const { key: _a, sampleInput: _sa, ...restA } = a;
  const { key: _b, sampleInput: _sb, ...restB } = b;
  return JSON.stringify(restA) === JSON.stringify(restB);
}
