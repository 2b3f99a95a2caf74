import { cancelBacktest, startBacktest } from "../../services/backtests/start-backtest";
import { saveCriteria } from "../../services/backtests/criteria";
import { compareRuns } from "../../services/backtests/queries/compare";
import { getRun } from "../../services/backtests/queries/get-run";
import { listMismatches, mismatchPairs } from "../../services/backtests/queries/mismatches";
import { sweepRun } from "../../services/backtests/queries/sweep";
import { backtestIndex, backtestScreen, versionRunInfo } from "../../services/backtests/screen";
import { signOffBacktest } from "../../services/backtests/sign-off";
import { mismatchToTestCase } from "../../services/backtests/to-test-case";
import { procedureFor, router } from "../../trpc";
import {
  compareInput,
  dayEnd,
  dayStart,
  mismatchesInput,
  runInput,
  saveCriteriaInput,
  signOffInput,
  startInput,
  sweepInput,
  toTestCaseInput,
  versionInfoInput,
  workflowInput,
} from "./inputs";

/** Backtests are for owners and admins; reviewers see nothing here. Signing off is further limited to the named approver. */
const backtester = () => procedureFor("admin", "owner");

export const backtestsRouter = router({
  index: backtester().query(({ ctx }) => backtestIndex(ctx.db)),
  screen: backtester()
    .input(workflowInput)
    .query(({ ctx, input }) => backtestScreen(ctx.db, input.workflowId)),
  versionInfo: backtester()
    .input(versionInfoInput)
    .query(({ ctx, input }) => versionRunInfo(ctx.db, input.workflowId, input.versionId)),
  saveCriteria: backtester()
    .input(saveCriteriaInput)
    .mutation(({ ctx, input }) =>
      saveCriteria(ctx.db, ctx.user.id, { ...input, minLabelRecall: input.minLabelRecall }),
    ),
  start: backtester()
    .input(startInput)
    .mutation(({ ctx, input }) =>
      startBacktest(ctx.db, ctx.user.id, {
        ...input,
        from: input.from ? dayStart(input.from) : undefined,
        to: input.to ? dayEnd(input.to) : undefined,
      }),
    ),
  cancel: backtester()
    .input(runInput)
    .mutation(({ ctx, input }) => cancelBacktest(ctx.db, input.runId)),
  get: backtester()
    .input(runInput)
    .query(async ({ ctx, input }) => {
      const run = await getRun(ctx.db, input.runId);
      return {
        ...run,
        canSignOff: run.passed === true && !run.signOff && run.criteria?.approverId === ctx.user.id,
      };
    }),
  mismatches: backtester()
    .input(mismatchesInput)
    .query(({ ctx, input }) => listMismatches(ctx.db, input)),
  mismatchPairs: backtester()
    .input(runInput)
    .query(({ ctx, input }) => mismatchPairs(ctx.db, input.runId)),
  toTestCase: backtester()
    .input(toTestCaseInput)
    .mutation(({ ctx, input }) => mismatchToTestCase(ctx.db, input, ctx.user.id)),
  sweep: backtester()
    .input(sweepInput)
    .query(({ ctx, input }) => sweepRun(ctx.db, input)),
  compare: backtester()
    .input(compareInput)
    .query(({ ctx, input }) => compareRuns(ctx.db, input)),
  signOff: backtester()
    .input(signOffInput)
    .mutation(({ ctx, input }) => signOffBacktest(ctx.db, ctx.user.id, input)),
});
