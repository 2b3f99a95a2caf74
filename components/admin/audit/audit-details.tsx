import type { AuditDetailValue, AuditDetails } from "@/server/db/schema/audit";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const HIDDEN_WHEN_EMPTY = new Set<AuditDetailValue>([null, ""]);

function shown(value: AuditDetailValue): string {
  if (value === null) return "none";
  if (Array.isArray(value)) return value.length ? value.join(", ") : "none";
  // Ids are for matching, not reading: the first characters tell rows apart, the tooltip has the rest.
  if (typeof value === "string" && UUID.test(value)) return value.slice(0, 8);
  if (typeof value === "number") return Number.isInteger(value) ? String(value) : value.toFixed(2);
  return String(value);
}

/** A row's facts as "key value" pairs; a from/to pair reads as one change. */
export function AuditDetailsList({ details }: { details: AuditDetails }) {
  const entries = Object.entries(details).filter(([, value]) => !HIDDEN_WHEN_EMPTY.has(value));
  const change = "from" in details || "to" in details;
  const rest = change ? entries.filter(([key]) => key !== "from" && key !== "to") : entries;
  if (!change && rest.length === 0) return <span className="text-slate-400">—</span>;
  return (
    <dl className="flex flex-wrap gap-x-3 gap-y-0.5 text-xs text-slate-600">
      {change ? (
        <div className="flex gap-1">
          <dt className="sr-only">Change</dt>
          <dd>
            <span className="text-slate-500">{shown(details.from ?? null)}</span>
            {" → "}
            <span className="font-medium text-slate-800">{shown(details.to ?? null)}</span>
          </dd>
        </div>
      ) : null}
      {rest.map(([key, value]) => (
        <div key={key} className="flex min-w-0 gap-1">
          <dt className="text-slate-400">{key}</dt>
          <dd className="max-w-56 truncate" title={Array.isArray(value) ? value.join(", ") : String(value)}>
            {shown(value)}
          </dd>
        </div>
      ))}
    </dl>
  );
}
