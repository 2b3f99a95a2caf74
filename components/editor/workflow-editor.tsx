"use client";

import { ReactFlowProvider } from "@xyflow/react";
import { useCallback, useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent } from "@/components/ui/dialog";
import { ErrorState, LoadingState } from "@/components/ui/states";
import { CanvasWorkspace } from "./canvas-workspace";
import { useEditorShortcuts } from "./canvas/use-editor-shortcuts";
import { useLiveValidation } from "./canvas/use-live-validation";
import { ConflictDialog } from "./header/conflict-dialog";
import { EDITOR_TABS, EditorHeader, type EditorTab } from "./header/editor-header";
import { ImportExport } from "./header/import-export";
import { PublishDialog, type PublishTarget } from "./header/publish-dialog";
import { SaveDialog } from "./header/save-dialog";
import { ShortcutSheet } from "./header/shortcut-sheet";
import { useLeaveGuard } from "./header/use-leave-guard";
import { usePersistence } from "./header/use-persistence";
import { HistoryTab } from "./history/history-tab";
import { ItemsTab } from "@/components/items/items-tab";
import { OverviewTab } from "@/components/lifecycle/overview-tab";
import { MonitoringTab } from "@/components/monitor/monitoring-tab";
import { MapTab } from "./map/map-tab";
import { EditorProvider, useDirty, useEditorStores, useOverlay } from "./store/editor-provider";
import { TestCasesTab } from "./tests/test-cases-tab";
import { useWorkflowQuery, type WorkflowData } from "./use-workflow";

const isTab = (t: string | undefined): t is EditorTab => EDITOR_TABS.some((x) => x.id === t);

/** The workflow page: loads the newest version into an editor instance with its own stores. */
export function WorkflowEditor({ workflowId, initialTab }: { workflowId: string; initialTab?: string }) {
  const query = useWorkflowQuery(workflowId);
  return (
    <div className="-mx-8 -my-6 flex h-screen flex-col">
      {query.isPending ? <LoadingState label="Opening the workflow…" /> : null}
      {query.isError ? (
        <div className="p-8">
          <ErrorState message={query.error.message} onRetry={() => query.refetch()} />
        </div>
      ) : null}
      {query.data ? (
        <EditorProvider
          graph={query.data.version.graph}
          workflowId={workflowId}
          version={query.data.version.version}
          versionId={query.data.version.id}
        >
          <ReactFlowProvider>
            <EditorScreen data={query.data} initialTab={isTab(initialTab) ? initialTab : "canvas"} />
          </ReactFlowProvider>
        </EditorProvider>
      ) : null}
    </div>
  );
}

function EditorScreen({ data, initialTab }: { data: WorkflowData; initialTab: EditorTab }) {
  const workflowId = data.workflow.id;
  const { ui, session } = useEditorStores();
  const [tab, setTabState] = useState<EditorTab>(initialTab);
  const [publishTarget, setPublishTarget] = useState<PublishTarget | null>(null);
  const dirty = useDirty();
  const problemCount = useOverlay((s) => s.issues.length);
  const persistence = usePersistence(workflowId);
  const guard = useLeaveGuard(dirty);
  const published = data.versions.find((v) => v.published)?.version;
  useLiveValidation();

  const setTab = useCallback((next: EditorTab) => {
    setTabState(next);
    const url = new URL(window.location.href);
    if (next === "canvas") url.searchParams.delete("tab");
    else url.searchParams.set("tab", next);
    window.history.replaceState(window.history.state, "", url);
  }, []);

  const onTry = useCallback(() => {
    setTab("canvas");
    ui.getState().setPanel("try");
    window.requestAnimationFrame(() => document.querySelector<HTMLButtonElement>("[data-try-run]")?.click());
  }, [setTab, ui]);
  const onSave = useCallback(() => ui.getState().openDialog("save"), [ui]);
  useEditorShortcuts({ onSave, onTry, enabled: true, canvasActive: tab === "canvas" });

  const publish = async (target: PublishTarget, note: string) => {
    let versionId = target.versionId ?? session.getState().versionId;
    if (target.current && dirty) {
      const saved = await persistence.save(note);
      if (!saved) throw new Error("The changes could not be saved, so nothing was published.");
      versionId = saved.id;
    }
    await persistence.publishVersion(versionId, note);
  };

  return (
    <>
      <EditorHeader
        name={data.workflow.name}
        versions={data.versions}
        tab={tab}
        onTab={setTab}
        onPublish={() =>
          setPublishTarget({
            current: true,
            version: session.getState().baseVersion,
            publishedVersion: published,
          })
        }
        actions={
          <ImportExport
            workflow={data.workflow}
            testCases={data.testCases}
            dirty={dirty}
            onImported={persistence.reload}
          />
        }
      />
      {tab === "overview" ? <OverviewTab workflowId={workflowId} onTab={setTab} /> : null}
      {tab === "canvas" ? <CanvasWorkspace readOnly={false} testCases={data.testCases} /> : null}
      {tab === "tests" ? (
        <TestCasesTab
          workflowId={workflowId}
          dirty={dirty}
          onTryCase={(item) => {
            ui.getState().setTryInput(JSON.stringify(item, null, 2));
            ui.getState().setPanel("try");
            setTab("canvas");
          }}
        />
      ) : null}
      {tab === "items" ? <ItemsTab workflowId={workflowId} /> : null}
      {tab === "monitoring" ? <MonitoringTab workflowId={workflowId} /> : null}
      {tab === "history" ? (
        <HistoryTab
          workflowId={workflowId}
          onPublish={(v) =>
            setPublishTarget({
              current: false,
              versionId: v.id,
              version: v.version,
              publishedVersion: published,
            })
          }
        />
      ) : null}
      {tab === "map" ? (
        <MapTab
          workflow={data.workflow}
          testCases={data.testCases}
          onShowNode={(id) => (setTab("canvas"), ui.getState().focusNode(id))}
        />
      ) : null}

      <SaveDialog onSave={persistence.save} />
      <ConflictDialog onReload={persistence.reload} onSaveAsNew={(note) => persistence.save(note, true)} />
      <ShortcutSheet />
      <PublishDialog
        target={publishTarget}
        dirty={dirty}
        problemCount={problemCount}
        onClose={() => setPublishTarget(null)}
        onPublish={publish}
      />
      <Dialog open={guard.pending !== null} onOpenChange={(o) => !o && guard.stay()}>
        <DialogContent
          title="Leave without saving?"
          description="Your changes to this workflow are not saved. Leaving discards them."
        >
          <div className="flex justify-end gap-2">
            <Button variant="secondary" onClick={guard.stay}>
              Stay
            </Button>
            <Button variant="danger" onClick={guard.leave}>
              Leave and discard
            </Button>
          </div>
        </DialogContent>
      </Dialog>
    </>
  );
}
