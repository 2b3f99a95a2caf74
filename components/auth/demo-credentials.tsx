import { ROLE_DESCRIPTIONS, ROLE_LABELS, type Role } from "@/lib/roles";

export function DemoCredentials({
  users,
  password,
}: {
  users: { email: string; role: Role }[];
  password: string;
}) {
  return (
    <section
      aria-labelledby="demo-heading"
      className="mt-6 rounded-lg border border-accent-100 bg-accent-50/60 p-4 text-sm"
    >
      <h2 id="demo-heading" className="font-medium text-accent-700">
        Demo workspace
      </h2>
      <p className="mt-1 text-slate-600">
        Every demo account uses the password{" "}
        <code className="rounded bg-white px-1 py-0.5 font-mono text-xs">{password}</code>.
      </p>
      <ul className="mt-3 space-y-2">
        {users.map((u) => (
          <li key={u.email}>
            <span className="font-medium text-slate-800">{ROLE_LABELS[u.role]}</span>{" "}
            <code className="font-mono text-xs text-slate-700">{u.email}</code>
            <div className="text-xs text-slate-500">{ROLE_DESCRIPTIONS[u.role]}</div>
          </li>
        ))}
      </ul>
    </section>
  );
}
