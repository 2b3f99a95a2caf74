import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/root";

type Outputs = inferRouterOutputs<AppRouter>["reviews"];
export type InboxList = Outputs["list"];
export type InboxTask = InboxList["tasks"][number];
export type TaskDetail = Outputs["get"];
export type PathStep = TaskDetail["path"][number];
export type OutcomeOption = TaskDetail["options"][number];
export type SimilarCase = Outputs["similar"][number];
export type MyDecision = Outputs["history"][number];
