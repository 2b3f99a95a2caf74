import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

// The engine (lib/) is pure TypeScript: it reaches the world only through ports.
// Editor bodies (lib/nodes/*/editor.tsx) are the one exception: they are React by design.
const engineForbidden = [
  { group: ["react", "react-dom", "react/*"], message: "lib/ is pure: no React outside editor.tsx." },
  { group: ["next", "next/*"], message: "lib/ is pure: no Next.js." },
  { group: ["@xyflow/*"], message: "lib/ is pure: no React Flow." },
  {
    group: ["drizzle-orm", "drizzle-orm/*", "postgres", "@electric-sql/*"],
    message: "lib/ is pure: no database.",
  },
  { group: ["ai", "@ai-sdk/*"], message: "lib/ is pure: models come in through the Models port." },
  {
    group: ["@/server/*", "@/components/*", "@/app/*", "**/server/**", "**/components/**"],
    message: "lib/ must not import server/ or components/.",
  },
];

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: [
      ".next/**",
      "node_modules/**",
      "drizzle/**",
      ".data/**",
      "next-env.d.ts",
      "test-results/**",
      "playwright-report/**",
    ],
  },
  {
    files: ["lib/**/*.ts"],
    ignores: ["lib/nodes/*/editor.tsx"],
    rules: {
      "no-restricted-imports": ["error", { patterns: engineForbidden }],
      "no-restricted-globals": [
        "error",
        { name: "fetch", message: "The engine reaches the network only through the ConnectorGateway port." },
      ],
      "no-restricted-properties": [
        "error",
        { object: "Date", property: "now", message: "Use the Clock port." },
        { object: "Math", property: "random", message: "The engine is deterministic; inject randomness." },
        {
          object: "process",
          property: "env",
          message: "Configuration comes in through ports, not the environment.",
        },
      ],
    },
  },
  {
    rules: {
      "no-eval": "error",
      "no-new-func": "error",
      "no-implied-eval": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
];
export default config;
