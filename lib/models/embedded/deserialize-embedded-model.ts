import { decodeBase64 } from "../encoding/base64";
import { float32FromBytes, int8FromBytes, uint32FromBytes } from "../encoding/typed-array-bytes";
import { createFeatureSpace } from "../features/feature-space";
import type { EmbeddedModel } from "./embedded-model";
import { dequantizeWeights } from "./quantize-weights";
import { serializedEmbeddedModelSchema } from "./serialized-embedded-model";

/** Parses a stored model (checked: it may come from disk or the database) back into a model that predicts. */
export function deserializeEmbeddedModel(stored: unknown): EmbeddedModel {
  const data = serializedEmbeddedModelSchema.parse(stored);
  const labelCount = data.labels.length;
  const columnIds = uint32FromBytes(decodeBase64(data.columnIds));
  const idf = float32FromBytes(decodeBase64(data.idf));
  const quantized = {
    values: int8FromBytes(decodeBase64(data.weights.values)),
    scales: float32FromBytes(decodeBase64(data.weights.scales)),
  };
  if (quantized.scales.length !== columnIds.length)
    throw new Error("embedded model: weights do not match the feature columns");
  if (data.bias.length !== labelCount) throw new Error("embedded model: bias does not match the labels");
  return {
    labels: data.labels,
    featureConfig: data.featureConfig,
    space: createFeatureSpace(columnIds, idf),
    linear: {
      labelCount,
      columnCount: columnIds.length,
      weights: dequantizeWeights(quantized, labelCount),
      bias: Float32Array.from(data.bias),
    },
    quantized,
    temperature: data.temperature,
    topLabelScaling: data.topLabelScaling,
    training: data.training,
    heldOut: data.heldOut,
  };
}
