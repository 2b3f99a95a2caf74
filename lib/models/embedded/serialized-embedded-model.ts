import { z } from "zod";
import { featureConfigSchema } from "../features/feature-config";

const reliabilityBinSchema = z.object({
  lower: z.number(),
  upper: z.number(),
  count: z.number().int().min(0),
  meanConfidence: z.number().nullable(),
  accuracy: z.number().nullable(),
});

/**
 * The stored form of an embedded model: JSON-safe (the server keeps it in a jsonb
 * column or a file), with the large arrays as little-endian base64 blobs.
 */
export const serializedEmbeddedModelSchema = z.object({
  format: z.literal("switchboard.embedded-model"),
  version: z.literal(1),
  labels: z.array(z.string()).min(1),
  featureConfig: featureConfigSchema,
  temperature: z.number().positive(),
  /** Absent in models stored before top-label scaling: they predict with the temperature alone, as before. */
  topLabelScaling: z.object({ slope: z.number(), intercept: z.number() }).nullable().default(null),
  training: z.object({
    l2: z.number(),
    epochs: z.number().int(),
    learningRate: z.number(),
    seed: z.number().int(),
    heldOutFraction: z.number(),
    heldOutSlice: z.enum(["auto", "latest-by-time", "stratified-random"]),
    refitOnAll: z.boolean(),
    /** Absent in models stored before recency weighting existed: they weighed every case alike. */
    recencyHalfLifeDays: z.number().positive().nullable().default(null),
    /** Absent in models stored before rolling-origin calibration: they calibrated on one slice. */
    calibrationFolds: z.number().int().min(1).default(1),
    /** Absent in models stored before top-label scaling existed: they did not use it. */
    topLabelScaling: z.boolean().default(false),
    size: z.number().int(),
    cutoff: z.string().nullable(),
    excludedAtOrAfterCutoff: z.number().int(),
    excludedWithoutTime: z.number().int(),
    labelCounts: z.record(z.string(), z.number().int()),
  }),
  heldOut: z
    .object({
      method: z.enum(["latest-by-time", "stratified-random"]),
      size: z.number().int(),
      accuracy: z.number(),
      macroF1: z.number(),
      eceBeforeCalibration: z.number(),
      eceAfterCalibration: z.number(),
      reliabilityBefore: z.array(reliabilityBinSchema),
      reliabilityAfter: z.array(reliabilityBinSchema),
    })
    .nullable(),
  /** Uint32 hashed feature ids, ascending: column i is the i-th. */
  columnIds: z.string(),
  /** Float32 IDF per column. */
  idf: z.string(),
  /** Int8 weights, feature-major (columns × labels), each feature's run scaled by its Float32 scale. */
  weights: z.object({
    encoding: z.literal("int8-per-feature-scale"),
    values: z.string(),
    scales: z.string(),
  }),
  bias: z.array(z.number()),
});

export type SerializedEmbeddedModel = z.infer<typeof serializedEmbeddedModelSchema>;
