import { createWorkflow } from "../../services/workflows/create-workflow";
import { exportWorkflow, importWorkflow } from "../../services/workflows/export-import";
import { getWorkflow } from "../../services/workflows/get-workflow";
import { listWorkflows } from "../../services/workflows/list-workflows";
import { publishVersion } from "../../services/workflows/publish-version";
import { runDraftTests } from "../../services/workflows/run-draft-tests";
import { saveDraft } from "../../services/workflows/save-draft";
import { tryItem } from "../../services/workflows/try-item";
import { updateWorkflow } from "../../services/workflows/update-workflow";
import {
  addTestCase,
  deleteTestCase,
  runWorkflowTests,
  updateTestCase,
} from "../../services/workflows/test-cases";
import { ALL_ROLES, procedureFor, router } from "../../trpc";
import {
  addTestCaseInput,
  createWorkflowInput,
  deleteTestCaseInput,
  getWorkflowInput,
  importWorkflowInput,
  publishInput,
  runDraftTestsInput,
  saveDraftInput,
  tryItemInput,
  updateWorkflowInput,
  updateTestCaseInput,
} from "./inputs";

/** Drawing, testing and publishing workflows is for owners (and admins); reviewers only see the list. */
const editor = () => procedureFor("admin", "owner");

export const workflowsRouter = router({
  list: procedureFor(...ALL_ROLES).query(({ ctx }) => listWorkflows(ctx.db)),
  get: editor()
    .input(getWorkflowInput)
    .query(({ ctx, input }) => getWorkflow(ctx.db, input.workflowId, input.versionId)),
  create: editor()
    .input(createWorkflowInput)
    .mutation(({ ctx, input }) => createWorkflow(ctx.db, ctx.user.id, input)),
  update: editor()
    .input(updateWorkflowInput)
    .mutation(({ ctx, input }) => updateWorkflow(ctx.db, input)),
  saveDraft: editor()
    .input(saveDraftInput)
    .mutation(({ ctx, input }) => saveDraft(ctx.db, ctx.user.id, input)),
  publish: editor()
    .input(publishInput)
    .mutation(({ ctx, input }) => publishVersion(ctx.db, ctx.user.id, input)),
  runTests: editor()
    .input(getWorkflowInput)
    .query(({ ctx, input }) => runWorkflowTests(ctx.db, input.workflowId, input.versionId)),
  /** Runs the spec test cases against the editor's current draft, unsaved edits included (nothing is stored). */
  runDraftTests: editor()
    .input(runDraftTestsInput)
    .mutation(({ ctx, input }) => runDraftTests(ctx.db, input.workflowId, input.graph)),
  addTestCase: editor()
    .input(addTestCaseInput)
    .mutation(({ ctx, input }) => addTestCase(ctx.db, input.workflowId, input.testCase, ctx.user.id)),
  updateTestCase: editor()
    .input(updateTestCaseInput)
    .mutation(({ ctx, input }) => updateTestCase(ctx.db, input.workflowId, input.testCase)),
  deleteTestCase: editor()
    .input(deleteTestCaseInput)
    .mutation(({ ctx, input }) => deleteTestCase(ctx.db, input.workflowId, input.testCaseId)),
  /** Runs one item through the editor's current draft in backtest mode (nothing is sent or stored). */
  tryItem: editor()
    .input(tryItemInput)
    .mutation(({ ctx, input }) => tryItem(ctx.db, input)),
  export: editor()
    .input(getWorkflowInput)
    .query(({ ctx, input }) => exportWorkflow(ctx.db, input.workflowId, input.versionId)),
  import: editor()
    .input(importWorkflowInput)
    .mutation(({ ctx, input }) => importWorkflow(ctx.db, ctx.user.id, input)),
});
