import neo4j, { type Driver } from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inject } from "vitest";
import { applyMigrations } from "../src/db/migrations.js";
import { createLogger } from "../src/logger.js";

let driver: Driver;
const logger = createLogger({ logLevel: "silent" });

beforeAll(() => {
  driver = neo4j.driver(inject("neo4jUri"), neo4j.auth.basic(process.env.NEO4J_USERNAME ?? "neo4j", process.env.NEO4J_PASSWORD ?? ""));
});
afterAll(async () => {
  await driver.close();
});

describe("migrations", () => {
  it("can run again and again, leaving the SPEC's constraints and full-text indexes online", async () => {
    await applyMigrations(driver, process.env.NEO4J_DATABASE, logger);
    await applyMigrations(driver, process.env.NEO4J_DATABASE, logger);

    const constraints = await driver.executeQuery("SHOW CONSTRAINTS YIELD labelsOrTypes, properties, type");
    const unique = constraints.records
      .filter((r) => r.get("type") === "UNIQUENESS")
      .map((r) => `${(r.get("labelsOrTypes") as string[]).join("|")}.${(r.get("properties") as string[]).join(",")}`);
    expect(unique).toEqual(
      expect.arrayContaining([
        "Source.domain",
        "Article.url",
        "Asset.symbol",
        "Entity.key",
        "MacroFactor.key",
        "Event.key",
        "PriceMove.key",
        "Narrative.key",
        "Claim.id",
      ]),
    );

    const indexes = await driver.executeQuery("SHOW FULLTEXT INDEXES YIELD name, state");
    const fulltext = Object.fromEntries(indexes.records.map((r) => [r.get("name") as string, r.get("state") as string]));
    expect(fulltext).toMatchObject({ article_text: "ONLINE", claim_text: "ONLINE", named_things_v2: "ONLINE", event_text: "ONLINE" });
    expect(fulltext).not.toHaveProperty("named_things");
  });

  it("makes a duplicate key impossible, whatever the writer", async () => {
    const domain = `dup-${Date.now()}.example`;
    await driver.executeQuery("CREATE (:Source { domain: $domain, name: 'One' })", { domain });
    await expect(driver.executeQuery("CREATE (:Source { domain: $domain, name: 'Two' })", { domain })).rejects.toThrow(/already exists/);
    await driver.executeQuery("MATCH (s:Source { domain: $domain }) DELETE s", { domain });
  });
});
