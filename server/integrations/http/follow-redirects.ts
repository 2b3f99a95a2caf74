import { sendRequest, type HttpResponse, type OutgoingRequest, type Transport } from "./send-request";

const MAX_REDIRECTS = 5;
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

export class TooManyRedirectsError extends Error {
  override name = "TooManyRedirectsError";
}

/**
 * Follows redirects by hand, so every hop passes the SSRF check again (a public host may redirect to
 * 169.254.169.254). A redirect to another origin drops the credential headers.
 */
export async function sendFollowingRedirects(
  request: OutgoingRequest,
  transport: Transport,
  signal: AbortSignal,
): Promise<HttpResponse> {
  let current = request;
  for (let hop = 0; ; hop++) {
    const response = await sendRequest(current, transport, signal);
    const location = response.headers.location;
    if (!REDIRECT_STATUSES.has(response.status) || !location) return response;
    if (hop >= MAX_REDIRECTS)
      throw new TooManyRedirectsError(`The server redirected more than ${MAX_REDIRECTS} times.`);
    current = nextHop(current, response.status, new URL(location, current.url));
  }
}

function nextHop(previous: OutgoingRequest, status: number, url: URL): OutgoingRequest {
  // 303, and 301/302 after a POST, turn into a GET without body, as browsers do; 307/308 repeat the request.
  const becomesGet = status === 303 || ((status === 301 || status === 302) && previous.method === "POST");
  const headers = { ...previous.headers };
  if (url.origin !== previous.url.origin) {
    const dropped = new Set((previous.credentialHeaders ?? []).map((name) => name.toLowerCase()));
    for (const name of Object.keys(headers)) if (dropped.has(name.toLowerCase())) delete headers[name];
  }
  if (becomesGet) {
    for (const name of Object.keys(headers)) if (name.toLowerCase() === "content-type") delete headers[name];
    return { ...previous, url, method: "GET", headers, body: undefined };
  }
  return { ...previous, url, headers };
}
