import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/sign-in-form";
import { DemoCredentials } from "@/components/auth/demo-credentials";
import { Logo } from "@/components/shell/logo";
import { DEMO_PASSWORD, DEMO_USERS, demoMode } from "@/server/config";
import { sessionUser } from "@/server/context";

export const dynamic = "force-dynamic";
export const metadata = { title: "Sign in" };

export default async function SignInPage() {
  if (await sessionUser(await headers())) redirect("/");
  const demo = demoMode();
  return (
    <main className="flex min-h-screen items-center justify-center px-4 py-12">
      <div className="w-full max-w-sm">
        <div className="mb-8 flex flex-col items-center gap-3 text-center">
          <Logo className="h-10 w-10" />
          <div>
            <h1 className="text-xl font-semibold tracking-tight">Sign in to Switchboard</h1>
            <p className="mt-1 text-sm text-slate-600">AI workflows with humans in the loop.</p>
          </div>
        </div>
        <div className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
          <SignInForm />
        </div>
        {demo ? <DemoCredentials users={DEMO_USERS.map((u) => ({ ...u }))} password={DEMO_PASSWORD} /> : null}
      </div>
    </main>
  );
}
