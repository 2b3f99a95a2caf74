import { router } from "./trpc";
import { backtestsRouter } from "./routers/backtests";
import { connectorsRouter } from "./routers/connectors";
import { datasetsRouter } from "./routers/datasets";
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
});

export type AppRouter = typeof appRouter;
