import { writeFileSync } from "node:fs";
import path from "node:path";
import { projectRoot } from "./project-root.js";
import { buildAppSchema, printAppSchema } from "./schema.js";

/** Writes schema/schema.graphql from the code; a test fails when the two drift apart. */
const target = path.join(projectRoot, "schema", "schema.graphql");
writeFileSync(target, printAppSchema(await buildAppSchema()));
console.log(`wrote ${path.relative(process.cwd(), target)}`);
