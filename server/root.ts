import { router } from "./trpc";
import { connectorsRouter } from "./routers/connectors";
import { usersRouter } from "./routers/users";
import { workflowsRouter } from "./routers/workflows";

export const appRouter = router({
  users: usersRouter,
  workflows: workflowsRouter,
  connectors: connectorsRouter,
});

export type AppRouter = typeof appRouter;
