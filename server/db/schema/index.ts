export * from "./auth";
export * from "./workflows";
export * from "./connectors";
