// ESLint: typescript-eslint's recommended rules, no import cycle between modules
// (import-x/no-cycle), and the one-way layering of docs/architecture.md
// (import-x/no-restricted-paths), so no folder imports a folder above it. Formatting is
// Prettier's (eslint-config-prettier turns ESLint's formatting rules off).
import js from "@eslint/js";
import { createTypeScriptImportResolver } from "eslint-import-resolver-typescript";
import importX from "eslint-plugin-import-x";
import prettier from "eslint-config-prettier";
import reactHooks from "eslint-plugin-react-hooks";
import tseslint from "typescript-eslint";

/**
 * The layers, top to bottom; each may import only the layers listed for it. Inside domain/,
 * entity folders import one way too (node composes them all).
 */
const LAYERS = [
  { type: "entry", pattern: ["src/main.ts", "src/bootstrap.ts", "src/schema-emit.ts", "src/cli", "seed", "bench"] },
  { type: "server", pattern: ["src/server.ts"] },
  { type: "schema", pattern: ["src/schema.ts"] },
  { type: "live", pattern: ["src/live"] },
  { type: "request", pattern: ["src/request", "src/seed.ts", "src/seed.cypher.ts"] },
  { type: "http", pattern: ["src/http"] },
  { type: "plugins", pattern: ["src/plugins"] },
  { type: "web", pattern: ["src/web"] },
  { type: "client", pattern: ["client"] },
  { type: "startup", pattern: ["src/open-database.ts"] },
  { type: "traversals", pattern: ["src/traversals"] },
  { type: "domain-node", pattern: ["src/domain/node"] },
  { type: "domain-article", pattern: ["src/domain/article"] },
  { type: "domain-claim", pattern: ["src/domain/claim"] },
  { type: "domain-event", pattern: ["src/domain/event"] },
  { type: "domain-asset", pattern: ["src/domain/asset"] },
  { type: "domain-leaf", pattern: ["src/domain/source", "src/domain/entity", "src/domain/macro-factor", "src/domain/narrative"] },
  { type: "domain-resolution", pattern: ["src/domain/resolution"] },
  { type: "domain-shared", pattern: ["src/domain/shared"] },
  { type: "events", pattern: ["src/events"] },
  { type: "cypher", pattern: ["src/cypher"] },
  { type: "context", pattern: ["src/context.ts"] },
  { type: "auth", pattern: ["src/auth"] },
  { type: "db", pattern: ["src/db"] },
  { type: "input", pattern: ["src/input"] },
  { type: "graphql", pattern: ["src/graphql"] },
  { type: "text", pattern: ["src/text"] },
  { type: "base", pattern: ["src/config.ts", "src/config.schema.ts", "src/errors.ts", "src/logger.ts", "src/project-root.ts"] },
];

const LOW = ["context", "auth", "db", "input", "graphql", "text", "base"];
const DOMAIN_BELOW = {
  "domain-node": ["domain-article", "domain-claim", "domain-event", "domain-asset", "domain-leaf", "domain-resolution", "domain-shared"],
  "domain-article": ["domain-claim", "domain-event", "domain-asset", "domain-leaf", "domain-resolution", "domain-shared"],
  "domain-claim": ["domain-event", "domain-asset", "domain-leaf", "domain-shared"],
  "domain-event": ["domain-asset", "domain-leaf", "domain-shared"],
  "domain-asset": ["domain-leaf", "domain-shared"],
  "domain-leaf": ["domain-leaf", "domain-shared"],
  "domain-resolution": ["domain-shared"],
  "domain-shared": [],
};
const DOMAIN = Object.keys(DOMAIN_BELOW);

/** What each layer may import (besides itself). */
const ALLOWED = {
  entry: LAYERS.map((layer) => layer.type),
  server: ["http", "plugins", "live", "web", "request", "events", "traversals", ...LOW],
  schema: ["live", "traversals", ...DOMAIN, ...LOW],
  live: ["request", "plugins", "events", "cypher", ...DOMAIN, ...LOW],
  request: ["events", ...DOMAIN, ...LOW],
  http: LOW,
  plugins: LOW,
  web: ["client", "base"],
  client: [],
  startup: ["cypher", ...LOW],
  traversals: ["cypher", ...DOMAIN, ...LOW],
  ...Object.fromEntries(Object.entries(DOMAIN_BELOW).map(([type, below]) => [type, ["events", "cypher", ...below, ...LOW]])),
  events: ["cypher", ...LOW],
  cypher: ["db", "graphql", "base"],
  context: ["auth", "db", "events", "base"],
  auth: ["base"],
  db: ["base"],
  input: ["graphql", "text", "base"],
  graphql: ["base"],
  text: [],
  base: [],
};

/** For each layer, the paths it may not import from: every layer not allowed to it. */
function layerZones() {
  const pathsOf = (type) => LAYERS.find((layer) => layer.type === type).pattern;
  return LAYERS.map(({ type, pattern }) => ({
    target: pattern,
    from: LAYERS.filter((other) => other.type !== type && !ALLOWED[type].includes(other.type)).flatMap((other) => pathsOf(other.type)),
    message: `${type} may import only ${ALLOWED[type].join(", ") || "nothing of the project"} (docs/architecture.md)`,
  })).filter((zone) => zone.from.length > 0);
}

/**
 * Cypher text lives only in `*.cypher.ts` files and src/cypher/ (docs/architecture.md, "One file
 * per role"): elsewhere a string or template naming a clause (upper case, at a word boundary) is
 * an error. db/ keeps the schema migrations; tests and the benchmark write their own Cypher.
 * Comments and GraphQL descriptions in plain words are not matched.
 */
const CYPHER_CLAUSE = String.raw`/\b(MATCH|MERGE|UNWIND|CREATE|DETACH DELETE)\b|\bCALL \(/`;
const CYPHER_MESSAGE =
  "Cypher text goes in a *.cypher.ts file (or src/cypher/ when shared); other files import it (docs/architecture.md, One file per role).";
const CYPHER_FREE = {
  files: ["**/*.{ts,tsx,js,mjs}"],
  // This file names the clauses in the rule itself.
  ignores: ["**/*.cypher.ts", "src/cypher/**", "src/db/**", "tests/**", "src/**/__tests__/**", "bench/**", "eslint.config.js"],
  rules: {
    "no-restricted-syntax": [
      "error",
      { selector: `TemplateElement[value.raw=${CYPHER_CLAUSE}]`, message: CYPHER_MESSAGE },
      { selector: `Literal[value=${CYPHER_CLAUSE}]`, message: CYPHER_MESSAGE },
    ],
  },
};

export default tseslint.config(
  {
    ignores: [
      "dist/**",
      "node_modules/**",
      "data/**",
      "test-artifacts/**",
      "**/__generated__/**",
      "client/generated/**",
      "neo4j-launcher/**",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  // How import-x parses TypeScript dependencies (without it, no cycle through them is seen).
  importX.flatConfigs.typescript,
  {
    files: ["**/*.{ts,tsx,js,mjs}"],
    plugins: { "import-x": importX },
    settings: {
      "import-x/resolver-next": [
        createTypeScriptImportResolver({ project: ["tsconfig.json", "src/web/tsconfig.json"], noWarnOnMultipleProjects: true }),
      ],
    },
    rules: {
      "import-x/no-cycle": ["error", { ignoreExternal: true }],
      "import-x/no-restricted-paths": ["error", { zones: layerZones() }],
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_", ignoreRestSiblings: true },
      ],
      "@typescript-eslint/no-empty-object-type": ["error", { allowInterfaces: "with-single-extends" }],
    },
  },
  {
    // The browser pages: the rules of hooks.
    files: ["src/web/**/*.{ts,tsx}"],
    plugins: { "react-hooks": reactHooks },
    rules: { "react-hooks/rules-of-hooks": "error", "react-hooks/exhaustive-deps": "error" },
  },
  {
    files: ["scripts/**/*.mjs", "*.config.js"],
    languageOptions: { globals: { process: "readonly", console: "readonly" } },
  },
  {
    // Tests and scripts may reach into any layer; cycles and unused code still count.
    files: ["tests/**", "src/**/__tests__/**", "scripts/**", "*.config.ts", "*.config.js"],
    rules: { "import-x/no-restricted-paths": "off", "@typescript-eslint/no-explicit-any": "off" },
  },
  CYPHER_FREE,
  prettier,
);
