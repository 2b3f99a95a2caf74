/**
 * The stored-XSS corpus: markup, attribute and URL vectors, each combined with several ways of calling the
 * page's canaries (`window.__xss(id)` defined by the sweep, and `alert(id)`), so a payload that runs is
 * caught and named. Every payload is at most 80 characters: it must fit the shortest field it is planted in
 * (connector names).
 */
export interface XssPayload {
  /** `x000`…: what the canary reports when the payload runs. */
  id: string;
  text: string;
}

export const MAX_PAYLOAD_LENGTH = 80;

/** Ways to call a canary with the payload's id, inside script context. */
const CALLS: ((id: string) => string)[] = [
  (id) => `__xss('${id}')`,
  (id) => `alert('${id}')`,
  (id) => `top.__xss('${id}')`,
  (id) => `window['__xss']('${id}')`,
  (id) => `(0,__xss)('${id}')`,
];

/** Vectors with `$` where the script goes. */
const VECTORS: string[] = [
  // Script and markup that runs on insertion.
  "<script>$</script>",
  "<ScRiPt>$</sCrIpT>",
  "<img src=x onerror=$>",
  '<img src="x" onerror="$">',
  "<svg onload=$>",
  "<svg><script>$</script></svg>",
  "<body onload=$>",
  "<iframe srcdoc='<script>parent.$</script>'>",
  "<details open ontoggle=$>",
  "<video><source onerror=$></video>",
  "<audio src=x onerror=$>",
  "<input autofocus onfocus=$>",
  "<marquee onstart=$>",
  "<object data='javascript:$'>",
  "<embed src='javascript:$'>",
  "<math><mtext><img src=x onerror=$>",
  "<style onload=$></style>",
  "<link rel=stylesheet href=x onerror=$>",
  // Breaking out of attributes, text containers and the document head.
  '"><img src=x onerror=$>',
  "'><svg onload=$>",
  '" onmouseover="$" x="',
  "' autofocus onfocus='$' '",
  "</textarea><img src=x onerror=$>",
  "</title><img src=x onerror=$>",
  "</style><svg onload=$>",
  "</script><script>$</script>",
  "--><img src=x onerror=$>",
  "]]><img src=x onerror=$>",
  "</noscript><img src=x onerror=$>",
  // URLs a link or image could be built from.
  "javascript:$",
  "JaVaScRiPt:$",
  " javascript:$",
  "java\tscript:$",
  "data:text/html,<script>$</script>",
  "<a href=javascript:$>link</a>",
  "[link](javascript:$)",
  '![img](x" onerror="$)',
  "<a href='vbscript:$'>x</a>",
  // Encoded and escaped forms (safe only if nothing decodes them into markup).
  "&lt;img src=x onerror=$&gt;",
  "%3Cimg src=x onerror=$%3E",
  "\\u003cimg src=x onerror=$\\u003e",
  "&#60;svg onload=$&#62;",
  "<img src=x onerror=&#x61;lert(1)//$>",
  // Template and expression injection.
  "{{constructor.constructor('$')()}}",
  "${$}",
  "#{$}",
  "<%= $ %>",
  "{{$}}",
  // Polyglots.
  "jaVasCript:/*-/*`/*\\`/*'/*\"/**/($)//</stYle/</titLe/</teXtarEa/</scRipt/-->",
  "'\"><svg/onload=$>//",
];

/** The whole corpus: every vector with every call that keeps it within the length limit. */
export function xssPayloads(): XssPayload[] {
  const payloads: XssPayload[] = [];
  for (const vector of VECTORS) {
    for (const call of CALLS) {
      const id = `x${String(payloads.length).padStart(3, "0")}`;
      const text = vector.replace("$", call(id));
      if (text.length > MAX_PAYLOAD_LENGTH) continue;
      payloads.push({ id, text });
    }
  }
  return payloads.map((p, i) => {
    // Ids are renumbered densely after the length filter, so the text must be rebuilt with the new id.
    const id = `x${String(i).padStart(3, "0")}`;
    return { id, text: p.text.replaceAll(p.id, id) };
  });
}
