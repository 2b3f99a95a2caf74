// jsonb columns are typed with the engine's own types, never `any`.
import type { TestCase } from "@/lib/engine/graph/test-case-schema";
export type { Graph as GraphDocument } from "@/lib/engine/graph/graph-schema";

export type TestCaseItem = TestCase["item"];
export type TestCaseExpectation = TestCase["expected"];
export type TestCaseThresholdOverrides = NonNullable<TestCase["thresholdOverrides"]>;
export type TestCaseRecordedReads = NonNullable<TestCase["recordedReads"]>;
export interface ValidationSnapshot {
  ok: boolean;
  errors: { nodeId?: string; edgeId?: string; code: string; message: string }[];
}
