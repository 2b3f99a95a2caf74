export const REDACTED = "[redacted]";

/** Values shorter than this are not redacted: replacing every "a" in a trace would hide more than it protects. */
const MIN_REDACTABLE_LENGTH = 4;

/**
 * Replaces known secret values wherever they appear: in log lines, error messages and response data
 * bound for traces. Also catches the URL-encoded form a secret takes in a query string; callers add
 * derived forms themselves (a Basic auth header value, an OAuth2 access token).
 */
export class Redactor {
  private readonly needles: string[];

  constructor(secrets: Iterable<string>) {
    const forms = new Set<string>();
    for (const secret of secrets) {
      if (secret.length < MIN_REDACTABLE_LENGTH) continue;
      forms.add(secret);
      forms.add(encodeURIComponent(secret));
    }
    // Longest first, so a secret that contains another is replaced whole.
    this.needles = [...forms].sort((a, b) => b.length - a.length);
  }

  get isEmpty(): boolean {
    return this.needles.length === 0;
  }

  text(value: string): string {
    let result = value;
    for (const needle of this.needles)
      if (result.includes(needle)) result = result.split(needle).join(REDACTED);
    return result;
  }

  /** A deep copy with every string (and object key) redacted. */
  value<T>(value: T): T {
    if (this.isEmpty) return value;
    return this.walk(value) as T;
  }

  private walk(value: unknown): unknown {
    if (typeof value === "string") return this.text(value);
    if (Array.isArray(value)) return value.map((entry) => this.walk(entry));
    if (value !== null && typeof value === "object") {
      const copy: Record<string, unknown> = {};
      for (const [key, entry] of Object.entries(value)) copy[this.text(key)] = this.walk(entry);
      return copy;
    }
    return value;
  }
}
