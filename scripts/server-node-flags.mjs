// V8 flags for Switchboard's own server processes (`npm start`, `npm run worker`, and the benchmarks that
// stand for them). A 32 MB young generation instead of Node 20's 16 MB: backtests and imports allocate many
// short-lived objects, and the smaller one spent over a second of a 100,000-case backtest collecting them.
export const SERVER_NODE_FLAGS = ["--max-semi-space-size=32"];

/** NODE_OPTIONS with the server flags added (a flag the caller already set wins). */
export function withServerNodeOptions(nodeOptions = "") {
  const missing = SERVER_NODE_FLAGS.filter((flag) => !nodeOptions.includes(flag.split("=")[0]));
  return [nodeOptions, ...missing].filter(Boolean).join(" ");
}
