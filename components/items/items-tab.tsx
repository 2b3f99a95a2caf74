"use client";

import { ItemsTable } from "./items-table";
import { UploadItemsDialog } from "./upload-items-dialog";

/** The workflow's received items (live and shadow), with a CSV upload beside the list. */
export function ItemsTab({ workflowId }: { workflowId: string }) {
  return (
    <div className="mx-auto w-full max-w-6xl flex-1 overflow-y-auto px-6 py-6">
      <div className="mb-4 flex items-start justify-between gap-4">
        <div>
          <h2 className="text-base font-semibold text-slate-900">Items</h2>
          <p className="mt-1 text-sm text-slate-600">
            What the workflow received through the API or an upload, what it did, and what people decided.
          </p>
        </div>
        <UploadItemsDialog workflowId={workflowId} />
      </div>
      <ItemsTable workflowId={workflowId} emptyAction={<UploadItemsDialog workflowId={workflowId} />} />
    </div>
  );
}
