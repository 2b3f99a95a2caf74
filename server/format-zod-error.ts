import type { ZodError } from "zod";

/** One readable line per problem: `name: Too small: expected string to have >=1 characters`. */
export function formatZodError(error: ZodError): string {
  return error.issues
    .map((issue) => (issue.path.length > 0 ? `${issue.path.join(".")}: ${issue.message}` : issue.message))
    .join("; ");
}
