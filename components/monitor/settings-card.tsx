"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { useMonitoringSettings, useSaveMonitoringSettings, type MonitoringSettings } from "./use-monitoring";

type NumberKey = {
  [K in keyof MonitoringSettings]: MonitoringSettings[K] extends number ? K : never;
}[keyof MonitoringSettings];

const FIELDS: { key: NumberKey; label: string; unit: string; step: number }[] = [
  { key: "accuracyDropPoints", label: "Accuracy may drop by", unit: "points", step: 0.5 },
  { key: "escalationRisePoints", label: "Escalation may rise by", unit: "points", step: 0.5 },
  { key: "latencyP95Multiplier", label: "p95 processing time up to", unit: "× baseline", step: 0.5 },
  {
    key: "confidenceDropPoints",
    label: "A node's confidence may drop by",
    unit: "points vs 4 weeks",
    step: 1,
  },
  { key: "driftWindowDays", label: "Judged over", unit: "days", step: 1 },
  { key: "driftMinSample", label: "Judged on at least", unit: "items", step: 1 },
  { key: "volumeWindowMinutes", label: "Volume window", unit: "minutes", step: 5 },
  { key: "volumeMultiplier", label: "Volume anomalous above", unit: "× baseline", step: 0.5 },
  { key: "volumeMinItems", label: "Never below", unit: "items in the window", step: 1 },
];

/** The drift band and the volume guard; admins edit them, owners read them. */
export function SettingsCard({ workflowId }: { workflowId: string }) {
  const query = useMonitoringSettings(workflowId);
  if (!query.data) return null;
  return (
    <SettingsForm
      key={JSON.stringify(query.data.settings)}
      workflowId={workflowId}
      initial={query.data.settings}
      canEdit={query.data.canEdit}
    />
  );
}

function SettingsForm({
  workflowId,
  initial,
  canEdit,
}: {
  workflowId: string;
  initial: MonitoringSettings;
  canEdit: boolean;
}) {
  const [draft, setDraft] = useState(initial);
  const save = useSaveMonitoringSettings();
  const set = <K extends keyof MonitoringSettings>(key: K, value: MonitoringSettings[K]) =>
    setDraft((prev) => ({ ...prev, [key]: value }));
  return (
    <Card className="p-4" data-testid="monitoring-settings">
      <h3 className="text-sm font-semibold text-slate-900">Bands and volume guard</h3>
      <p className="mt-0.5 text-xs text-slate-500">
        {canEdit ? "A figure outside its band raises a drift flag and alerts admins." : "Set by an admin."}
      </p>
      <form
        className="mt-3 space-y-2"
        onSubmit={(event) => {
          event.preventDefault();
          save.mutate({ ...draft, workflowId });
        }}
      >
        {FIELDS.map((field) => (
          <label key={field.key} className="flex items-center justify-between gap-2 text-sm text-slate-700">
            <span>{field.label}</span>
            <span className="flex items-center gap-1.5">
              <Input
                type="number"
                className="h-8 w-20 text-right"
                step={field.step}
                value={draft[field.key]}
                disabled={!canEdit}
                onChange={(e) => set(field.key, Number(e.target.value))}
              />
              <span className="w-28 text-xs text-slate-500">{field.unit}</span>
            </span>
          </label>
        ))}
        <label className="flex items-center justify-between gap-2 text-sm text-slate-700">
          <span>Also above robust z-score</span>
          <span className="flex items-center gap-1.5">
            <Input
              type="number"
              className="h-8 w-20 text-right"
              step={0.5}
              placeholder="off"
              value={draft.volumeZScore ?? ""}
              disabled={!canEdit}
              onChange={(e) => set("volumeZScore", e.target.value === "" ? null : Number(e.target.value))}
            />
            <span className="w-28 text-xs text-slate-500">empty: off</span>
          </span>
        </label>
        <label className="flex items-center justify-between gap-2 text-sm text-slate-700">
          <span>Volume guard</span>
          <select
            className="h-8 rounded-md border border-slate-300 bg-white px-2 text-sm disabled:text-slate-400"
            value={draft.volumeGuardEnabled ? draft.volumeAction : "off"}
            disabled={!canEdit}
            onChange={(e) => {
              const value = e.target.value;
              if (value === "off") set("volumeGuardEnabled", false);
              else
                setDraft((prev) => ({
                  ...prev,
                  volumeGuardEnabled: true,
                  volumeAction: value as "escalate" | "pause",
                }));
            }}
          >
            <option value="escalate">Escalate every item</option>
            <option value="pause">Pause the workflow</option>
            <option value="off">Off</option>
          </select>
        </label>
        <fieldset className="space-y-2 border-t border-slate-100 pt-2">
          <legend className="text-xs text-slate-500">
            Volume and drift alerts also go to a connector (a webhook):
          </legend>
          <label className="flex items-center justify-between gap-2 text-sm text-slate-700">
            <span>Connector id</span>
            <Input
              className="h-8 w-48"
              placeholder="none: in the app only"
              value={draft.alertConnectorId ?? ""}
              disabled={!canEdit}
              onChange={(e) => set("alertConnectorId", e.target.value.trim() || null)}
            />
          </label>
          <label className="flex items-center justify-between gap-2 text-sm text-slate-700">
            <span>Write operation</span>
            <Input
              className="h-8 w-48"
              placeholder="e.g. notify"
              value={draft.alertOperation ?? ""}
              disabled={!canEdit}
              onChange={(e) => set("alertOperation", e.target.value.trim() || null)}
            />
          </label>
        </fieldset>
        {canEdit ? (
          <div className="flex justify-end pt-1">
            <Button type="submit" size="sm" disabled={save.isPending}>
              {save.isPending ? "Saving…" : "Save"}
            </Button>
          </div>
        ) : null}
      </form>
    </Card>
  );
}
