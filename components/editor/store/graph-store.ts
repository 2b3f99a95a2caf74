import { applyEdgeChanges, applyNodeChanges, type EdgeChange, type NodeChange } from "@xyflow/react";
import { createStore, type StoreApi } from "zustand/vanilla";
import type { Graph } from "@/lib/engine/graph/graph-schema";
import { connectionProblem, edgeIdFor, type ProposedConnection } from "./connection-rules";
import { documentFromGraph, graphFromDocument } from "./graph-convert";
import {
  addNodeOfType,
  deselectAll,
  movedNodes,
  patchNode,
  removeSelected,
  type NodePatch,
  type PatchResult,
} from "./graph-ops";
import type { EditorEdge, EditorNode, GraphDocument, GraphFragment, GraphMeta } from "./graph-types";
import { pushPast, type HistoryState, type Snapshot } from "./history";
import { copySelection, pasteFragment } from "./paste";

export interface GraphState extends GraphDocument, HistoryState {
  meta: GraphMeta;
  docId: number;
  /** The document as it was when a drag began; the drag becomes one undo step when it ends. */
  dragStart: Snapshot | null;
  readOnly: boolean;
  /** Incremented by `load`: the canvas fits the view to a freshly loaded document. */
  loadSeq: number;
}

export interface GraphActions {
  onNodesChange(changes: NodeChange<EditorNode>[]): void;
  onEdgesChange(changes: EdgeChange<EditorEdge>[]): void;
  beginDrag(): void;
  endDrag(): void;
  addNode(type: string, position: { x: number; y: number }): string;
  /** Adds the edge, or answers why not. */
  connect(connection: ProposedConnection): string | null;
  /** Points one output at another node (or disconnects it with `null`), as one undo step. */
  reconnect(source: string, sourceHandle: string, target: string | null): string | null;
  /** `coalesceKey`: edits with the same key within a second merge into one undo step. */
  patchNode(nodeId: string, patch: NodePatch, coalesceKey?: string): PatchResult | null;
  deleteSelected(): number;
  copy(): GraphFragment | null;
  paste(fragment: GraphFragment, at?: { x: number; y: number }): string[];
  duplicate(): string[];
  undo(): boolean;
  redo(): boolean;
  moveNodes(positions: ReadonlyMap<string, { x: number; y: number }>): void;
  select(nodeIds: readonly string[]): void;
  /** Replaces the whole document (reload, import) and forgets the history. */
  load(graph: Graph): void;
  toGraph(): Graph;
}

export type GraphStore = StoreApi<GraphState & GraphActions>;

export interface GraphStoreOptions {
  readOnly?: boolean;
  now?: () => number;
}

export function createGraphStore(graph: Graph, options: GraphStoreOptions = {}): GraphStore {
  const now = options.now ?? (() => Date.now());
  let docCounter = 0;
  const initial = documentFromGraph(graph);

  return createStore<GraphState & GraphActions>()((set, get) => {
    const snapshot = (): Snapshot => {
      const { nodes, edges, docId } = get();
      return { nodes, edges, docId };
    };
    /** Makes `next` the document, remembering the current one for undo. */
    const commit = (next: Partial<GraphDocument>, key?: string, before: Snapshot = snapshot()): void => {
      set({ ...next, ...pushPast(get(), before, key, now()), docId: ++docCounter });
    };
    const editable = (): boolean => !get().readOnly;

    return {
      nodes: initial.nodes,
      edges: initial.edges,
      meta: initial.meta,
      docId: docCounter,
      past: [],
      future: [],
      lastCommit: null,
      dragStart: null,
      readOnly: options.readOnly ?? false,
      loadSeq: 0,

      onNodesChange(changes) {
        const relevant = changes.filter(
          (c) => c.type === "position" || c.type === "select" || c.type === "dimensions",
        );
        if (relevant.length === 0) return;
        const state = get();
        const moves = relevant.some((c) => c.type === "position" && c.position);
        const nodes = applyNodeChanges(relevant, state.nodes);
        // Arrow-key moves arrive as position changes outside any drag: each burst is one undo step.
        if (moves && !state.dragStart && editable()) commit({ nodes }, "keyboard-move");
        else set({ nodes });
      },
      onEdgesChange(changes) {
        const selection = changes.filter((c) => c.type === "select");
        if (selection.length > 0) set({ edges: applyEdgeChanges(selection, get().edges) });
      },
      beginDrag() {
        if (editable() && !get().dragStart) set({ dragStart: snapshot() });
      },
      endDrag() {
        const start = get().dragStart;
        if (!start) return;
        set({ dragStart: null });
        const moved = get().nodes.some((n, i) => {
          const before = start.nodes[i];
          return (
            !before ||
            before.id !== n.id ||
            before.position.x !== n.position.x ||
            before.position.y !== n.position.y
          );
        });
        if (moved) commit({}, undefined, start);
      },
      addNode(type, position) {
        if (!editable()) return "";
        const { doc, id } = addNodeOfType(snapshot(), type, position);
        commit(doc);
        return id;
      },
      connect(connection) {
        if (!editable()) return "This version is read-only.";
        const { nodes, edges } = get();
        const problem = connectionProblem(nodes, edges, connection);
        if (problem) return problem;
        const sourceHandle = connection.sourceHandle!;
        const edge: EditorEdge = {
          id: edgeIdFor(edges, { source: connection.source, sourceHandle, target: connection.target }),
          source: connection.source,
          sourceHandle,
          target: connection.target,
        };
        commit({ edges: [...edges, edge] });
        return null;
      },
      reconnect(source, sourceHandle, target) {
        if (!editable()) return "This version is read-only.";
        const { nodes, edges } = get();
        const rest = edges.filter((e) => !(e.source === source && e.sourceHandle === sourceHandle));
        if (target === null) {
          if (rest.length !== edges.length) commit({ edges: rest });
          return null;
        }
        const problem = connectionProblem(nodes, rest, { source, sourceHandle, target });
        if (problem) return problem;
        const edge: EditorEdge = {
          id: edgeIdFor(rest, { source, sourceHandle, target }),
          source,
          sourceHandle,
          target,
        };
        commit({ edges: [...rest, edge] });
        return null;
      },
      patchNode(nodeId, patch, coalesceKey) {
        if (!editable()) return null;
        const result = patchNode(snapshot(), nodeId, patch);
        if (!result) return null;
        // Dropping edges is never merged into a typing burst: it must be undoable on its own.
        commit(result.doc, result.removedEdges.length > 0 ? undefined : coalesceKey);
        return result;
      },
      deleteSelected() {
        if (!editable()) return 0;
        const before = snapshot();
        const next = removeSelected(before);
        if (!next) return 0;
        commit(next);
        return before.nodes.length - next.nodes.length + (before.edges.length - next.edges.length);
      },
      copy() {
        return copySelection(snapshot());
      },
      paste(fragment, at) {
        if (!editable()) return [];
        const { doc, ids } = pasteFragment(snapshot(), fragment, at);
        if (ids.length > 0) commit(doc);
        return ids;
      },
      duplicate() {
        const fragment = get().copy();
        return fragment ? get().paste(fragment) : [];
      },
      undo() {
        const { past, future } = get();
        const previous = past.at(-1);
        if (!previous || get().readOnly) return false;
        set({
          ...previous,
          past: past.slice(0, -1),
          future: [snapshot(), ...future],
          lastCommit: null,
          dragStart: null,
        });
        return true;
      },
      redo() {
        const { past, future } = get();
        const next = future[0];
        if (!next || get().readOnly) return false;
        set({
          ...next,
          past: [...past, snapshot()],
          future: future.slice(1),
          lastCommit: null,
          dragStart: null,
        });
        return true;
      },
      moveNodes(positions) {
        if (!editable()) return;
        const nodes = movedNodes(get().nodes, positions);
        if (nodes.some((n, i) => n !== get().nodes[i])) commit({ nodes });
      },
      select(nodeIds) {
        const wanted = new Set(nodeIds);
        set({
          nodes: get().nodes.map((n) =>
            wanted.has(n.id) === !!n.selected ? n : { ...n, selected: wanted.has(n.id) },
          ),
          edges: deselectAll(get().edges),
        });
      },
      load(next) {
        const doc = documentFromGraph(next);
        set({
          ...doc,
          docId: ++docCounter,
          past: [],
          future: [],
          lastCommit: null,
          dragStart: null,
          loadSeq: get().loadSeq + 1,
        });
      },
      toGraph() {
        const { nodes, edges, meta } = get();
        return graphFromDocument({ nodes, edges }, meta);
      },
    };
  });
}
