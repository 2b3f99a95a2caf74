import { createAuthClient } from "better-auth/react";

/** Browser-side auth calls (sign in, sign out); same origin as the app. */
export const authClient = createAuthClient();
