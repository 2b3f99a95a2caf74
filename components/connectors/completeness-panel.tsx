import { CircleCheck, TriangleAlert } from "lucide-react";

/** The profile's open questions, named; a workflow cannot use the connector until the list is empty. */
export function CompletenessPanel({
  completeness,
}: {
  completeness: { complete: boolean; missing: string[] };
}) {
  if (completeness.complete) {
    return (
      <p className="flex items-center gap-2 rounded-md bg-emerald-50 p-3 text-sm text-emerald-800 ring-1 ring-emerald-200">
        <CircleCheck className="h-4 w-4" aria-hidden /> The integration profile is complete: workflows may use
        this connector.
      </p>
    );
  }
  return (
    <div className="flex items-start gap-2 rounded-md bg-amber-50 p-3 text-sm text-amber-900 ring-1 ring-amber-200">
      <TriangleAlert className="mt-0.5 h-4 w-4 shrink-0" aria-hidden />
      <div>
        <p className="font-medium">
          Workflows cannot use this connector until its profile is complete. Still open:
        </p>
        <ul className="mt-1 list-disc pl-5">
          {completeness.missing.map((question) => (
            <li key={question}>{question}</li>
          ))}
        </ul>
      </div>
    </div>
  );
}
