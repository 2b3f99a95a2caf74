import type { Metadata } from "next";
import { connection } from "next/server";
import type { ReactNode } from "react";
import { Toaster } from "sonner";
import { TRPCReactProvider } from "@/components/providers/trpc";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Switchboard", template: "%s · Switchboard" },
  description: "Visual builder for AI workflow automation with escalation, backtests and shadow runs.",
};

/**
 * Rendered per request, never prerendered: proxy.ts sends a fresh script nonce with every page and Next.js
 * can only stamp it on its scripts while rendering (a prerendered page, such as the 404, would carry none
 * and be blocked by the Content-Security-Policy).
 */
export default async function RootLayout({ children }: { children: ReactNode }) {
  await connection();
  return (
    <html lang="en">
      <body>
        <TRPCReactProvider>{children}</TRPCReactProvider>
        <Toaster richColors position="bottom-right" closeButton />
      </body>
    </html>
  );
}
