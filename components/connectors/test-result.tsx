import { Badge } from "@/components/ui/badge";
import type { TestConnectionResult } from "@/server/services/connectors/test-connection";

const STATUS = {
  ok: { tone: "success", label: "Worked" },
  unavailable: { tone: "warning", label: "Unavailable" },
  error: { tone: "danger", label: "Failed" },
} as const;

export function TestResult({ result }: { result: TestConnectionResult }) {
  const status = STATUS[result.status];
  return (
    <div className="space-y-3 rounded-md border border-slate-200 p-4">
      <dl className="flex flex-wrap items-center gap-x-6 gap-y-1 text-sm">
        <div className="flex items-center gap-2">
          <dt className="sr-only">Status</dt>
          <dd>
            <Badge tone={status.tone}>{status.label}</Badge>
          </dd>
        </div>
        {result.httpStatus !== undefined ? (
          <div className="flex gap-1">
            <dt className="text-slate-500">HTTP</dt>
            <dd className="font-medium">{result.httpStatus}</dd>
          </div>
        ) : null}
        <div className="flex gap-1">
          <dt className="text-slate-500">Latency</dt>
          <dd className="font-medium">{result.latencyMs} ms</dd>
        </div>
        {result.retryAfterMs !== undefined ? (
          <div className="flex gap-1">
            <dt className="text-slate-500">Try again in</dt>
            <dd className="font-medium">{Math.ceil(result.retryAfterMs / 1000)} s</dd>
          </div>
        ) : null}
      </dl>
      {result.error ? <p className="text-sm text-red-800">{result.error}</p> : null}
      {result.output ? <JsonBlock label="Mapped output" value={result.output} /> : null}
      {result.responsePreview ? (
        <JsonBlock label="Raw response (secrets redacted)" value={result.responsePreview} />
      ) : null}
    </div>
  );
}

function JsonBlock({ label, value }: { label: string; value: unknown }) {
  const text = JSON.stringify(typeof value === "string" ? parseOrKeep(value) : value, null, 2);
  return (
    <div>
      <p className="mb-1 text-xs font-medium uppercase tracking-wide text-slate-500">{label}</p>
      <pre className="max-h-64 overflow-auto rounded bg-slate-50 p-3 font-mono text-xs text-slate-800 ring-1 ring-slate-200">
        {text}
      </pre>
    </div>
  );
}

/** The preview is text (possibly cut short); show it indented when it is whole JSON. */
function parseOrKeep(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
