import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { projectRoot } from "../../src/project-root.js";
import { buildAppSchema, printAppSchema } from "../../src/schema.js";

describe("schema/schema.graphql", () => {
  it("matches the schema the code builds (run `npm run schema:emit` after changing types)", async () => {
    const committed = readFileSync(path.join(projectRoot, "schema", "schema.graphql"), "utf8");
    const fromCode = printAppSchema(await buildAppSchema());
    expect(fromCode, "schema/schema.graphql is out of date: run `npm run schema:emit` and commit it").toBe(committed);
  });
});

describe("client/generated/graphql.ts", () => {
  it("matches what codegen makes from client/operations and the schema (run `npm run codegen:client` after changing either)", async () => {
    const { generate, loadCodegenConfig } = await import("@graphql-codegen/cli");
    const { config } = await loadCodegenConfig({ configFilePath: path.join(projectRoot, "client", "codegen.yml") });
    const outputs = await withCwd(projectRoot, () => generate({ ...config, silent: true }, false));
    expect(outputs.map((o: { filename: string }) => o.filename)).toEqual(["client/generated/graphql.ts"]);
    const committed = readFileSync(path.join(projectRoot, "client", "generated", "graphql.ts"), "utf8");
    expect(outputs[0]!.content, "client/generated/graphql.ts is out of date: run `npm run codegen:client` and commit it").toBe(committed);
  });
});

/** Runs `work` with the working directory set to `dir` (codegen resolves the config's paths from it). */
async function withCwd<T>(dir: string, work: () => Promise<T>): Promise<T> {
  const previous = process.cwd();
  process.chdir(dir);
  try {
    return await work();
  } finally {
    process.chdir(previous);
  }
}
