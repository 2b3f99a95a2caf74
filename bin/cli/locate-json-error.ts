/**
 * Where a JSON text first goes wrong, as line and column (1-based), so the
 * CLI can say "line 3, column 5" whatever wording JSON.parse uses. A small
 * iterative scanner: it only finds the spot, JSON.parse still does the parsing.
 */
export function locateJsonError(text: string): { line: number; column: number } | undefined {
  const offset = firstBadOffset(text);
  if (offset === undefined) return undefined;
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line += 1;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

const NUMBER = /-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/y;
const STRING = /"(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"/y;

function firstBadOffset(text: string): number | undefined {
  // What the scanner expects next: a value, or within an object/array the punctuation after one.
  type Expect = "value" | "firstKey" | "key" | "colon" | "commaOrEnd" | "end";
  const stack: Array<"{" | "["> = [];
  let expect = "value" as Expect; // widened: afterValue() assigns it too
  let i = 0;
  const skipSpace = () => {
    while (i < text.length && " \t\n\r".includes(text[i]!)) i++;
  };
  const match = (re: RegExp): boolean => {
    re.lastIndex = i;
    if (!re.test(text)) return false;
    i = re.lastIndex;
    return true;
  };
  const afterValue = () => {
    expect = stack.length === 0 ? "end" : "commaOrEnd";
  };
  for (;;) {
    skipSpace();
    if (i >= text.length) return expect === "end" ? undefined : i;
    const c = text[i]!;
    switch (expect) {
      case "end":
        return i;
      case "colon":
        if (c !== ":") return i;
        i++;
        expect = "value";
        continue;
      case "firstKey":
      case "key":
        if (c === "}" && expect === "firstKey") {
          i++;
          stack.pop();
          afterValue();
          continue;
        }
        if (!match(STRING)) return i;
        expect = "colon";
        continue;
      case "commaOrEnd": {
        const top = stack[stack.length - 1];
        if (c === ",") {
          i++;
          expect = top === "{" ? "key" : "value";
        } else if ((c === "}" && top === "{") || (c === "]" && top === "[")) {
          i++;
          stack.pop();
          afterValue();
        } else return i;
        continue;
      }
      case "value":
        if (c === "{") {
          stack.push("{");
          i++;
          expect = "firstKey";
        } else if (c === "[") {
          stack.push("[");
          i++;
          skipSpace();
          if (text[i] === "]") {
            i++;
            stack.pop();
            afterValue();
          } else expect = "value";
        } else if (
          match(STRING) ||
          match(NUMBER) ||
          ["true", "false", "null"].some((w) => text.startsWith(w, i) && ((i += w.length), true))
        ) {
          afterValue();
        } else return i;
        continue;
    }
  }
}
