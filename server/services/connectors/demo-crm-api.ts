/**
 * The fake CRM the demo connector calls: customers by email (anyone not on the list is an ordinary "pro"
 * customer, so every demo ticket finds someone), notes kept in memory, and writes de-duplicated by
 * Idempotency-Key as a well-behaved API would. Tiny on purpose.
 */

/** The demo CRM's API key. Not a real credential: it opens only the fake CRM served in demo mode. */
export const DEMO_CRM_API_KEY = "demo-crm-key-not-a-real-secret";

interface Customer {
  id: string;
  name: string;
  email: string;
  plan: "enterprise" | "pro";
  vip: boolean;
}
interface Note {
  id: string;
  email: string;
  text: string;
  createdAt: string;
}

const KNOWN_CUSTOMERS: Customer[] = [
  { id: "C-1001", name: "Grace Hopper", email: "grace@example.com", plan: "enterprise", vip: true },
  { id: "C-1002", name: "Alan Turing", email: "alan@example.com", plan: "pro", vip: false },
];

const state = globalThis as unknown as { switchboardDemoCrmNotes?: Map<string, Note> };
const notesByKey = (state.switchboardDemoCrmNotes ??= new Map<string, Note>());

export async function handleDemoCrm(request: Request, path: readonly string[]): Promise<Response> {
  if (request.headers.get("x-api-key") !== DEMO_CRM_API_KEY) {
    return json(401, { error: "A valid x-api-key header is required." });
  }
  const route = `${request.method} /${path.join("/")}`;
  if (route === "GET /customers") {
    const email = new URL(request.url).searchParams.get("email")?.trim().toLowerCase();
    if (!email) return json(400, { error: "Give an email to look up." });
    return json(200, { customer: findCustomer(email) });
  }
  if (route === "POST /notes") {
    const body = (await request.json().catch(() => null)) as { email?: unknown; text?: unknown } | null;
    if (typeof body?.email !== "string" || typeof body.text !== "string" || body.text.trim() === "") {
      return json(400, { error: "A note needs an email and some text." });
    }
    const key = request.headers.get("idempotency-key") ?? crypto.randomUUID();
    let note = notesByKey.get(key);
    if (!note) {
      note = {
        id: `N-${notesByKey.size + 1}`,
        email: body.email,
        text: body.text.slice(0, 2000),
        createdAt: new Date().toISOString(),
      };
      notesByKey.set(key, note);
    }
    return json(201, { note });
  }
  return json(404, { error: `No such endpoint: ${route}.` });
}

function findCustomer(email: string): Customer {
  const known = KNOWN_CUSTOMERS.find((customer) => customer.email === email);
  if (known) return known;
  const name = email.split("@")[0] ?? email;
  return { id: `C-${name.slice(0, 20)}`, name, email, plan: "pro", vip: false };
}

function json(status: number, body: unknown): Response {
  return Response.json(body, { status });
}
