import { isTrustedOrigin, trustedOrigins } from "./trusted-origins";

export interface CrossOriginVerdict {
  refused: boolean;
  reason?: string;
}

/**
 * CSRF guard for cookie-authenticated handlers. A browser names where a request comes from: `Origin` on every
 * POST (and on cross-origin GETs), `Sec-Fetch-Site` on every request from a modern browser. A request is
 * refused when either says it comes from another site. A request with neither header is not from a browser
 * page (curl, a server, a test client): it carries no ambient cookie a page could abuse, so it passes as before.
 * `Origin: null` (sandboxed iframes, some redirects) is refused: it names no origin we trust. Browser-set
 * headers cannot be forged by a page's script; a non-browser client can forge them, but holds no victim's cookie.
 */
export function crossOriginVerdict(
  headers: Headers,
  trusted: readonly string[] = trustedOrigins(),
): CrossOriginVerdict {
  const fetchSite = headers.get("sec-fetch-site")?.toLowerCase();
  if (fetchSite === "cross-site") {
    return { refused: true, reason: "Sec-Fetch-Site: cross-site" };
  }
  // Set by the browser itself (a page cannot forge it): the request comes from the very origin it targets.
  if (fetchSite === "same-origin") return { refused: false };
  const origin = headers.get("origin");
  if (origin !== null && !isTrustedOrigin(origin, trusted)) {
    return { refused: true, reason: `Origin ${origin.slice(0, 200)} is not trusted` };
  }
  return { refused: false };
}

/** The 403 a refused cross-origin request gets: JSON, in the shape the app's other errors use. */
export function crossOriginRefusal(): Response {
  return Response.json(
    {
      error: {
        code: "FORBIDDEN",
        message: "Cross-origin request refused: this action can only be taken from Switchboard's own pages.",
      },
    },
    { status: 403, headers: { "cache-control": "no-store", vary: "Origin, Sec-Fetch-Site" } },
  );
}

/** For a route handler: the refusal to answer with, or null when the request may proceed. */
export function refuseCrossOrigin(request: Request): Response | null {
  return crossOriginVerdict(request.headers).refused ? crossOriginRefusal() : null;
}
