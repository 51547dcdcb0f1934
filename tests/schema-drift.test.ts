import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { projectRoot } from "../src/project-root.js";
import { buildAppSchema, printAppSchema } from "../src/schema.js";

describe("schema/schema.graphql", () => {
  it("matches the schema the code builds (run `npm run schema:emit` after changing types)", async () => {
    const committed = readFileSync(path.join(projectRoot, "schema", "schema.graphql"), "utf8");
    const fromCode = printAppSchema(await buildAppSchema());
    expect(fromCode, "schema/schema.graphql is out of date: run `npm run schema:emit` and commit it").toBe(committed);
  });
});
