import { z } from "zod";
import { connectorResultSchema } from "./connector-result-schema";

export const terminalTypeSchema = z.enum(["route", "resolve", "end", "escalate", "deferred", "error"]);
export type TerminalType = z.infer<typeof terminalTypeSchema>;

export const escalationReasonTypeSchema = z.enum(["confidence", "rule", "volume", "connector", "manual"]);
export type EscalationReasonType = z.infer<typeof escalationReasonTypeSchema>;

export const testCaseExpectationSchema = z.object({
  terminalType: terminalTypeSchema,
  /** The terminal node expected (or, for an implicit escalation, the node whose handle escalated). */
  nodeId: z.string().optional(),
  /** Route outcomes: the team assigned. */
  team: z.string().optional(),
  /** Route or escalate outcomes: the queue. */
  queue: z.string().optional(),
  /** Escalate outcomes: why a human is needed. */
  reasonType: escalationReasonTypeSchema.optional(),
});
export type TestCaseExpectation = z.infer<typeof testCaseExpectationSchema>;

export const testCaseSchema = z.object({
  id: z.string().min(1).max(128),
  name: z.string().min(1).max(200),
  item: z.record(z.string(), z.unknown()),
  expected: testCaseExpectationSchema,
  /** Reported but does not block publishing. */
  knownFailure: z.boolean().optional(),
  /** An edge case: listed on the workflow map, with its notes. */
  edgeCase: z.boolean().optional(),
  notes: z.string().max(4000).optional(),
  thresholdOverrides: z.record(z.string(), z.number().min(0).max(1)).optional(),
  /**
   * What connector reads return for this case, keyed `connectorId.operation`.
   * Reads with no entry answer `unavailable`.
   */
  recordedReads: z.record(z.string(), connectorResultSchema).optional(),
});
export type TestCase = z.infer<typeof testCaseSchema>;
