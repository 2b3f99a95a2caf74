/**
 * The kinds of object a procedure's input can point at, and which field names point at which kind. A field
 * that looks like an id (`…Id`, `…Ids`, `id`, `ids`) but is not listed here fails the authorization tests:
 * whoever adds it says what it points at, so its object-level cases exist from then on.
 */
export const OBJECT_KINDS = [
  "workflow",
  "version",
  "testCase",
  "node",
  "item",
  "task",
  "event",
  "queue",
  "run",
  "row",
  "dataset",
  "entry",
  "user",
  "connector",
  "provider",
  "apiKey",
  "alert",
  "calibration",
] as const;
export type ObjectKind = (typeof OBJECT_KINDS)[number];

const KIND_BY_FIELD: Record<string, ObjectKind> = {
  workflowId: "workflow",
  versionId: "version",
  testCaseId: "testCase",
  nodeId: "node",
  itemId: "item",
  itemIds: "item",
  taskId: "task",
  eventId: "event",
  queueId: "queue",
  runId: "run",
  leftRunId: "run",
  rightRunId: "run",
  rowId: "row",
  datasetId: "dataset",
  entryKey: "entry",
  userId: "user",
  approverId: "user",
  escalationContactId: "user",
  connectorId: "connector",
  alertConnectorId: "connector",
  providerId: "provider",
  keyId: "apiKey",
  calibrationId: "calibration",
};

/**
 * Fields that look like ids but name no stored object: a graph's own node, edge and test-case ids (local
 * names inside the document being sent), and an OAuth client id (a credential of another system).
 */
const NOT_OBJECT_REFERENCES: readonly ((path: readonly string[]) => boolean)[] = [
  (path) => path[0] === "graph",
  (path) => path.join(".") === "definition.auth.clientId",
];

/** A bare `id` / `ids` names the router's own object. */
const KIND_OF_BARE_ID_BY_ROUTER: Record<string, ObjectKind> = {
  connectors: "connector",
  monitoring: "alert",
};

/** A nested object's `id` names the object its field holds (`testCase: { id }`). */
const KIND_OF_NESTED_ID_BY_PARENT: Record<string, ObjectKind> = { testCase: "testCase" };

/**
 * Objects that live inside another: naming a child of one parent together with another parent is the
 * classic confused-deputy request (`workflowId: A, versionId: <a version of B>`), refused for every role.
 * Nodes are left out on purpose: graphs of different workflows share node ids by design.
 */
export const PARENT_OF: Partial<Record<ObjectKind, ObjectKind>> = {
  version: "workflow",
  testCase: "workflow",
  entry: "workflow",
  item: "workflow",
  task: "workflow",
  run: "workflow",
  alert: "workflow",
  calibration: "workflow",
  row: "run",
};

const LOOKS_LIKE_ID = /(^id$|^ids$|Id$|Ids$)/;

export type FieldKind = { kind: ObjectKind } | { kind: null; unknownId: boolean };

/** What a field points at; `unknownId` when it looks like an id nobody classified. */
export function kindOfField(procedurePath: string, fieldPath: readonly string[]): FieldKind {
  if (NOT_OBJECT_REFERENCES.some((excluded) => excluded(fieldPath))) return { kind: null, unknownId: false };
  const name = fieldPath[fieldPath.length - 1] ?? "";
  const listed = KIND_BY_FIELD[name];
  if (listed) return { kind: listed };
  if (name === "id" || name === "ids") {
    const parent = fieldPath[fieldPath.length - 2];
    const nested = parent ? KIND_OF_NESTED_ID_BY_PARENT[parent] : undefined;
    const bare = fieldPath.length === 1 ? KIND_OF_BARE_ID_BY_ROUTER[procedurePath.split(".")[0]!] : undefined;
    const kind = nested ?? bare;
    if (kind) return { kind };
  }
  return { kind: null, unknownId: LOOKS_LIKE_ID.test(name) };
}
