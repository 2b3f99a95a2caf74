import { z } from "zod";

/*
 * In the browser, zod must not compile its parsers with `new Function`: the Content-Security-Policy
 * (proxy.ts) allows no eval, and zod's probe for it would be reported as a violation on every screen that
 * parses with a schema. Imported for this side effect by the root client provider, before any schema runs.
 */
z.config({ jitless: true });
