import { z } from "zod";
import {
  acceptedItemSchema,
  batchAcceptedSchema,
  batchBodySchema,
  errorBodySchema,
  itemPayloadSchema,
  itemStatusSchema,
  reportedOutcomeSchema,
} from "../api-schemas";
import { MAX_BATCH_ITEMS } from "../ingest-items";

const schema = (s: z.ZodType, io: "input" | "output" = "output") =>
  z.toJSONSchema(s, { io, unrepresentable: "any" });
const jsonContent = (ref: string) => ({
  "application/json": { schema: { $ref: `#/components/schemas/${ref}` } },
});
const error = (description: string) => ({ description, content: jsonContent("Error") });
const commonErrors = {
  "401": error("No API key, or an unknown or revoked one."),
  "429": {
    ...error("Too many requests for this key."),
    headers: { "Retry-After": { schema: { type: "integer" }, description: "Seconds to wait." } },
  },
};

/** The ingest API's OpenAPI 3.1 document, generated from the zod schemas the handlers validate with. */
export function openApiDocument(serverUrl?: string): Record<string, unknown> {
  return {
    openapi: "3.1.0",
    info: {
      title: "Switchboard ingest API",
      version: "1.0.0",
      description:
        "Send items to a workflow running in shadow or live, read their outcome, and report what the human process decided.",
    },
    ...(serverUrl ? { servers: [{ url: serverUrl }] } : {}),
    security: [{ apiKey: [] }],
    components: {
      securitySchemes: {
        apiKey: { type: "http", scheme: "bearer", description: "An API key created by an admin." },
      },
      schemas: {
        Item: schema(itemPayloadSchema, "input"),
        Batch: schema(batchBodySchema.shape.items, "input"),
        Accepted: schema(acceptedItemSchema),
        BatchAccepted: schema(batchAcceptedSchema),
        ItemStatus: schema(itemStatusSchema),
        ReportedOutcome: schema(reportedOutcomeSchema, "input"),
        Error: schema(errorBodySchema),
      },
    },
    paths: {
      "/api/v1/workflows/{workflowId}/items": {
        post: {
          summary: "Send one item, or a batch of items",
          description: `A JSON object is one item; a JSON array is a batch of up to ${MAX_BATCH_ITEMS}. An item whose id field was seen before, or a request repeating an Idempotency-Key, creates nothing new.`,
          parameters: [
            { name: "workflowId", in: "path", required: true, schema: { type: "string" } },
            {
              name: "Idempotency-Key",
              in: "header",
              required: false,
              schema: { type: "string", maxLength: 200 },
              description: "Retrying with the same key returns the first answer.",
            },
          ],
          requestBody: {
            required: true,
            content: {
              "application/json": {
                schema: {
                  oneOf: [{ $ref: "#/components/schemas/Item" }, { $ref: "#/components/schemas/Batch" }],
                },
              },
            },
          },
          responses: {
            "202": {
              description: "Accepted and queued (for a batch: at least one item was).",
              content: {
                "application/json": {
                  schema: {
                    oneOf: [
                      { $ref: "#/components/schemas/Accepted" },
                      { $ref: "#/components/schemas/BatchAccepted" },
                    ],
                  },
                },
              },
            },
            "400": error("Malformed JSON, or items that do not match the trigger's fields (see `fields`)."),
            "403": error("The key is limited to another workflow."),
            "404": error("No such workflow."),
            "409": error("The workflow is not running (draft or validated)."),
            "413": error("The body is over the size limit, or the batch over the item limit."),
            "415": error("The body is not JSON."),
            "422": error("The Idempotency-Key was used before for a different request."),
            ...commonErrors,
          },
        },
      },
      "/api/v1/items/{itemId}": {
        get: {
          summary: "An item's status, outcome and trace",
          parameters: [{ name: "itemId", in: "path", required: true, schema: { type: "string" } }],
          responses: {
            "200": { description: "The item.", content: jsonContent("ItemStatus") },
            "404": error("No such item (for this key)."),
            ...commonErrors,
          },
        },
      },
      "/api/v1/items/{itemId}/outcome": {
        post: {
          summary: "Report what the human process decided",
          parameters: [{ name: "itemId", in: "path", required: true, schema: { type: "string" } }],
          requestBody: { required: true, content: jsonContent("ReportedOutcome") },
          responses: {
            "200": { description: "Recorded on the item's live and shadow runs." },
            "400": error("Not a valid outcome (see `fields`)."),
            "404": error("No such item (for this key)."),
            ...commonErrors,
          },
        },
      },
    },
  };
}
