import type { FieldError } from "../errors";

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json; charset=utf-8", "cache-control": "no-store", ...headers },
  });
}

export function apiError(
  status: number,
  code: string,
  message: string,
  extra: { fields?: FieldError[]; headers?: Record<string, string> } = {},
): Response {
  return json(
    { error: { code, message, ...(extra.fields ? { fields: extra.fields } : {}) } },
    status,
    extra.headers,
  );
}
