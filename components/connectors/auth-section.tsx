import { Input } from "@/components/ui/input";
import {
  AUTH_METHODS,
  SECRET_LABELS,
  SECRET_NAME_BY_METHOD,
  type AuthMethod,
  type SecretName,
} from "@/server/integrations/connector-schema";
import type { ConnectorDraft } from "./connector-draft";
import { Field, Section, Select } from "./form-fields";
import { SecretField } from "./secret-field";

const METHOD_LABELS: Record<AuthMethod, string> = {
  none: "None",
  api_key: "API key",
  bearer: "Bearer token",
  basic: "Username and password (Basic)",
  oauth2_client_credentials: "OAuth2 client credentials",
};

type SecretStatuses = Partial<Record<SecretName, { set: true; updatedAt: Date } | { set: false }>>;

export function AuthSection({
  draft,
  secrets,
  onChange,
}: {
  draft: ConnectorDraft;
  secrets: SecretStatuses;
  onChange: (draft: ConnectorDraft) => void;
}) {
  const auth = draft.auth;
  const setAuth = (patch: Partial<ConnectorDraft["auth"]>) =>
    onChange({ ...draft, auth: { ...auth, ...patch } });
  const secretName = SECRET_NAME_BY_METHOD[auth.method] as SecretName | null;

  return (
    <Section
      title="Authentication"
      description="How Switchboard proves who it is. Secrets are encrypted at rest and never sent back to a browser."
    >
      <Field label="Auth method">
        {(props) => (
          <Select
            {...props}
            value={auth.method}
            onChange={(event) =>
              onChange({
                ...draft,
                auth: { ...auth, method: event.target.value as AuthMethod },
                newSecret: "",
              })
            }
          >
            {AUTH_METHODS.map((method) => (
              <option key={method} value={method}>
                {METHOD_LABELS[method]}
              </option>
            ))}
          </Select>
        )}
      </Field>

      {auth.method === "api_key" ? (
        <div className="grid gap-4 md:grid-cols-2">
          <Field label="Send the key in">
            {(props) => (
              <Select
                {...props}
                value={auth.placement}
                onChange={(event) => setAuth({ placement: event.target.value as "header" | "query" })}
              >
                <option value="header">a header</option>
                <option value="query">the query string</option>
              </Select>
            )}
          </Field>
          <Field label={auth.placement === "header" ? "Header name" : "Query parameter name"}>
            {(props) => (
              <Input
                {...props}
                value={auth.keyName}
                onChange={(event) => setAuth({ keyName: event.target.value })}
              />
            )}
          </Field>
        </div>
      ) : null}

      {auth.method === "basic" ? (
        <Field label="Username">
          {(props) => (
            <Input
              {...props}
              autoComplete="off"
              value={auth.username}
              onChange={(event) => setAuth({ username: event.target.value })}
            />
          )}
        </Field>
      ) : null}

      {auth.method === "oauth2_client_credentials" ? (
        <div className="grid gap-4 md:grid-cols-2">
          <Field label="Token URL">
            {(props) => (
              <Input
                {...props}
                type="url"
                value={auth.tokenUrl}
                onChange={(event) => setAuth({ tokenUrl: event.target.value })}
              />
            )}
          </Field>
          <Field label="Client ID">
            {(props) => (
              <Input
                {...props}
                autoComplete="off"
                value={auth.clientId}
                onChange={(event) => setAuth({ clientId: event.target.value })}
              />
            )}
          </Field>
          <Field label="Scope" hint="Optional, space-separated.">
            {(props) => (
              <Input
                {...props}
                value={auth.scope}
                onChange={(event) => setAuth({ scope: event.target.value })}
              />
            )}
          </Field>
          <Field label="Send the client secret">
            {(props) => (
              <Select
                {...props}
                value={auth.clientAuthentication}
                onChange={(event) =>
                  setAuth({ clientAuthentication: event.target.value as "basic" | "body" })
                }
              >
                <option value="basic">as HTTP Basic (standard)</option>
                <option value="body">in the request body</option>
              </Select>
            )}
          </Field>
        </div>
      ) : null}

      {secretName ? (
        <SecretField
          key={secretName}
          label={capitalize(SECRET_LABELS[secretName] ?? secretName)}
          status={secrets[secretName]}
          value={draft.newSecret}
          onChange={(value) => onChange({ ...draft, newSecret: value })}
        />
      ) : null}
    </Section>
  );
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
