import { router } from "./trpc";
import { backtestsRouter } from "./routers/backtests";
import { connectorsRouter } from "./routers/connectors";
import { datasetsRouter } from "./routers/datasets";
import { usersRouter } from "./routers/users";
import { workflowsRouter } from "./routers/workflows";

export const appRouter = router({
  users: usersRouter,
  workflows: workflowsRouter,
  connectors: connectorsRouter,
  datasets: datasetsRouter,
  backtests: backtestsRouter,
});

export type AppRouter = typeof appRouter;
