import { NextResponse, type NextRequest } from "next/server";

/**
 * Every page is sent with a strict Content-Security-Policy whose script allowance is a fresh nonce per
 * request (Next.js reads it back from the request's CSP header and puts it on its own scripts while
 * rendering; see node_modules/next/dist/docs/01-app/02-guides/content-security-policy.md). Markup that
 * reaches a page from user data (ticket text, names, model explanations) therefore cannot run script even if
 * a component ever renders it as HTML: an injected `<script>` or `onerror=` has no nonce.
 *
 * The static headers (nosniff, referrer policy, and a locked-down CSP for API responses) are in
 * next.config.js, which also covers static files and route handlers that skip this proxy.
 */
export function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const policy = contentSecurityPolicy(nonce, {
    development: process.env.NODE_ENV === "development",
    https: request.nextUrl.protocol === "https:" || request.headers.get("x-forwarded-proto") === "https",
  });

  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", policy);
  return response;
}

function contentSecurityPolicy(nonce: string, env: { development: boolean; https: boolean }): string {
  const directives = [
    "default-src 'self'",
    // 'strict-dynamic': scripts the nonced Next.js runtime loads (route chunks) are trusted; nothing else.
    // 'unsafe-eval' only in `next dev`, where React rebuilds server error stacks with eval.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${env.development ? " 'unsafe-eval'" : ""}`,
    // Styles keep 'unsafe-inline' on purpose: React Flow positions every node and edge with inline `style`
    // attributes (server-rendered too), Radix and recharts set inline sizes, sonner and the monthly review
    // add <style> elements. A style nonce cannot cover `style` attributes, and a nonce in style-src would
    // make browsers ignore 'unsafe-inline'. CSS cannot run script; the XSS barrier is script-src.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "frame-src 'none'",
    "worker-src 'self' blob:",
    "manifest-src 'self'",
    // Only behind HTTPS: a self-hosted install on plain HTTP inside a network would have every asset
    // request rewritten to https:// and fail.
    ...(env.https ? ["upgrade-insecure-requests"] : []),
  ];
  return directives.join("; ");
}

export const config = {
  matcher: [
    /*
     * Pages only: API routes answer JSON (next.config.js gives them `default-src 'none'`), static chunks
     * and images need no policy, and prefetches are not documents.
     */
    {
      source: "/((?!api|_next/static|_next/image|favicon.ico).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
