import { Input } from "@/components/ui/input";
import { connectorIdFromName } from "@/server/integrations/connector-schema";
import type { ConnectorDraft } from "./connector-draft";
import { Field, Section, Textarea } from "./form-fields";

export function GeneralSection({
  draft,
  onChange,
  creating,
}: {
  draft: ConnectorDraft;
  onChange: (draft: ConnectorDraft) => void;
  creating: boolean;
}) {
  const set = <K extends keyof ConnectorDraft>(key: K, value: ConnectorDraft[K]) =>
    onChange({ ...draft, [key]: value });
  return (
    <Section title="Endpoint" description="Where the system's API lives and what every request carries.">
      <div className="grid gap-4 md:grid-cols-2">
        <Field label="Name" hint="Shown to process owners when they pick a connector.">
          {(props) => (
            <Input
              {...props}
              required
              maxLength={80}
              value={draft.name}
              onChange={(event) => set("name", event.target.value)}
            />
          )}
        </Field>
        <Field label="Base URL" hint="e.g. https://api.example.com/v2 — operation paths are added to it.">
          {(props) => (
            <Input
              {...props}
              required
              type="url"
              value={draft.baseUrl}
              onChange={(event) => set("baseUrl", event.target.value)}
            />
          )}
        </Field>
      </div>
      <Field
        label="ID"
        hint={
          creating
            ? "How workflows refer to this connector. Lower-case letters, digits, - and _; it cannot change later."
            : "How workflows refer to this connector; it cannot change."
        }
      >
        {(props) => (
          <Input
            {...props}
            className={creating ? "font-mono" : "bg-slate-50 font-mono text-slate-600"}
            readOnly={!creating}
            placeholder={connectorIdFromName(draft.name || "my system")}
            value={draft.id}
            onChange={(event) => set("id", event.target.value)}
          />
        )}
      </Field>
      <Field label="Description">
        {(props) => (
          <Input
            {...props}
            maxLength={1000}
            value={draft.description}
            onChange={(event) => set("description", event.target.value)}
          />
        )}
      </Field>
      <div className="grid gap-4 md:grid-cols-2">
        <Field
          label="Default headers"
          hint="One per line, as Name: value. Credentials go in Authentication, where they are encrypted."
        >
          {(props) => (
            <Textarea
              {...props}
              value={draft.defaultHeaders}
              placeholder="Accept-Language: en"
              onChange={(event) => set("defaultHeaders", event.target.value)}
            />
          )}
        </Field>
        <Field
          label="Allowed private hosts"
          hint="Connectors may reach only public addresses. List a host here (one per line) to allow it even though it is loopback or on a private network."
        >
          {(props) => (
            <Textarea
              {...props}
              value={draft.allowedHosts}
              placeholder="crm.internal.example"
              onChange={(event) => set("allowedHosts", event.target.value)}
            />
          )}
        </Field>
      </div>
    </Section>
  );
}
