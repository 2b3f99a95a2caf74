export * from "./auth";
export * from "./workflows";
export * from "./connectors";
export * from "./datasets";
export * from "./backtests";
export * from "./models";
