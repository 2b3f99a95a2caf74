import { router } from "./trpc";
import { apiKeysRouter } from "./routers/api-keys";
import { auditRouter } from "./routers/audit";
import { backtestsRouter } from "./routers/backtests";
import { connectorsRouter } from "./routers/connectors";
import { datasetsRouter } from "./routers/datasets";
import { deadLettersRouter } from "./routers/dead-letters";
import { itemsRouter } from "./routers/items";
import { knowledgeRouter } from "./routers/knowledge";
import { lifecycleRouter } from "./routers/lifecycle";
import { monitoringRouter } from "./routers/monitoring";
import { modelProvidersRouter } from "./routers/model-providers";
import { reviewsRouter } from "./routers/reviews";
import { thresholdsRouter } from "./routers/thresholds";
import { usersRouter } from "./routers/users";
import { workflowsRouter } from "./routers/workflows";

export const appRouter = router({
  users: usersRouter,
  workflows: workflowsRouter,
  connectors: connectorsRouter,
  reviews: reviewsRouter,
  thresholds: thresholdsRouter,
  datasets: datasetsRouter,
  backtests: backtestsRouter,
  apiKeys: apiKeysRouter,
  deadLetters: deadLettersRouter,
  items: itemsRouter,
  lifecycle: lifecycleRouter,
  monitoring: monitoringRouter,
  modelProviders: modelProvidersRouter,
  knowledge: knowledgeRouter,
  audit: auditRouter,
});

export type AppRouter = typeof appRouter;
