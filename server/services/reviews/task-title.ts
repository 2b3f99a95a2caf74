const TITLE_FIELDS = ["subject", "title", "summary", "name"];
const MAX_TITLE = 140;

/** A line to recognise an item by in a list: its subject (or title), else the start of its text. */
export function taskTitle(
  item: Readonly<Record<string, unknown>>,
  textField: string,
  fallback: string,
): string {
  for (const field of TITLE_FIELDS) {
    const value = item[field];
    if (typeof value === "string" && value.trim()) return clip(value);
  }
  const text = item[textField];
  if (typeof text === "string" && text.trim()) return clip(text);
  return fallback;
}

function clip(text: string): string {
  const line = text.replace(/\s+/g, " ").trim();
  return line.length > MAX_TITLE ? `${line.slice(0, MAX_TITLE - 1)}…` : line;
}
