import neo4j, { type Driver } from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inject } from "vitest";
import { DATA_MIGRATIONS } from "../../src/cypher/data-migrations.js";
import { applyMigrations } from "../../src/db/migrations.js";
import { UNDATED_SORT_AT } from "../../src/cypher/sort-keys.js";
import { pairKey } from "../../src/cypher/claim-pair.js";
import { STRONG_FROM } from "../../src/cypher/leads-to.js";
import { createLogger } from "../../src/logger.js";

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
    await applyMigrations(driver, process.env.NEO4J_DATABASE, logger, DATA_MIGRATIONS);
    await applyMigrations(driver, process.env.NEO4J_DATABASE, logger, DATA_MIGRATIONS);

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

  it("brings claims and articles written before versions to the version model, once", async () => {
    const tag = `legacy-${Date.now()}`;
    await driver.executeQuery(
      `CREATE (a:Article { id: $tag, url: 'https://' + $tag + '.example/a', title: 'Old', contentHash: 'h1', ingestedAt: datetime('2026-01-01T00:00:00Z') })
       CREATE (a)-[:MAKES]->(:Claim { id: $tag + ':current', key: 'current', recordedAt: datetime('2026-01-01T00:00:00Z') })
       CREATE (a)-[:MAKES]->(:Claim { id: $tag + ':old', key: 'old', recordedAt: datetime('2026-01-01T00:00:00Z'), supersededAt: datetime('2026-01-02T00:00:00Z') })`,
      { tag },
    );
    // The periods migration runs once per database: let it run again for these claims.
    await driver.executeQuery("MATCH (m:Migration { name: 'claim-periods-1' }) DELETE m");
    await applyMigrations(driver, process.env.NEO4J_DATABASE, logger, DATA_MIGRATIONS);
    await applyMigrations(driver, process.env.NEO4J_DATABASE, logger, DATA_MIGRATIONS);
    const { records } = await driver.executeQuery(
      `MATCH (a:Article { id: $tag })-[:MAKES]->(c:Claim)
       RETURN c.key AS key, c.periods AS periods, COUNT { (a)-[:HAS_VERSION]->(:ArticleVersion { contentHash: 'h1' }) } AS versions
       ORDER BY key`,
      { tag },
    );
    const jan1 = Date.parse("2026-01-01T00:00:00Z");
    expect(
      records.map((r) => [
        r.get("key"),
        (r.get("periods") as { toNumber(): number }[]).map((t) => t.toNumber()),
        Number(r.get("versions")),
      ]),
    ).toEqual([
      ["current", [jan1], 1],
      ["old", [jan1, jan1 + 86_400_000], 1],
    ]);
    await driver.executeQuery("MATCH (a:Article { id: $tag }) OPTIONAL MATCH (a)-->(n) DETACH DELETE a, n", { tag });
  });

  it("gives articles and their claims written before sort keys the key lists page by, and undated citations the last place", async () => {
    const tag = `unsorted-${Date.now()}`;
    await driver.executeQuery(
      `CREATE (a:Article { id: $tag, url: 'https://' + $tag + '.example/a', publishedAt: datetime('2026-01-01T00:00:00+02:00') })
       CREATE (a)-[:MAKES]->(:Claim { id: $tag + ':c', key: 'c', recordedAt: datetime('2026-01-02T00:00:00Z') })
       CREATE (:Article { id: $tag + '-cited', url: 'https://' + $tag + '.example/cited' })`,
      { tag },
    );
    await applyMigrations(driver, process.env.NEO4J_DATABASE, logger, DATA_MIGRATIONS);
    const { records } = await driver.executeQuery(
      `MATCH (a:Article) WHERE a.id STARTS WITH $tag
       OPTIONAL MATCH (a)-[:MAKES]->(c:Claim)
       RETURN a.id AS id, a.sortAt AS article, c.sortAt AS claim ORDER BY id`,
      { tag },
    );
    const published = Date.parse("2026-01-01T00:00:00+02:00");
    expect(records.map((r) => [r.get("id"), Number(r.get("article")), r.get("claim") === null ? null : Number(r.get("claim"))])).toEqual([
      [tag, published, published],
      [`${tag}-cited`, UNDATED_SORT_AT, null],
    ]);
    await driver.executeQuery("MATCH (a:Article) WHERE a.id STARTS WITH $tag OPTIONAL MATCH (a)-->(n) DETACH DELETE a, n", { tag });
  });

  it("gives claims written before pair keys the key of their cause and effect", async () => {
    const tag = `pairless-${Date.now()}`;
    await driver.executeQuery(
      `CREATE (a:Article { id: $tag, url: 'https://' + $tag + '.example/a' })
       CREATE (cause:MacroFactor { key: $tag + '-cause' }), (effect:Asset { symbol: toUpper($tag) })
       CREATE (a)-[:MAKES]->(c:Claim { id: $tag + ':c', key: 'c', recordedAt: datetime() })-[:CAUSE]->(cause)
       CREATE (c)-[:EFFECT]->(effect)`,
      { tag },
    );
    // The migration runs once per database: let it run again for this claim.
    await driver.executeQuery("MATCH (m:Migration { name: 'claim-pair-1' }) DELETE m");
    await applyMigrations(driver, process.env.NEO4J_DATABASE, logger, DATA_MIGRATIONS);
    const { records } = await driver.executeQuery("MATCH (c:Claim { id: $id }) RETURN c.pair AS pair", { id: `${tag}:c` });
    expect(records[0]!.get("pair")).toBe(
      pairKey({ label: "MacroFactor", key: `${tag}-cause` }, { label: "Asset", key: tag.toUpperCase() }),
    );
    await driver.executeQuery(
      `MATCH (a:Article { id: $tag }) OPTIONAL MATCH (a)-->(c:Claim) OPTIONAL MATCH (c)-->(n) DETACH DELETE a, c, n`,
      { tag },
    );
  });

  it("gives denials and PREVENTS claims written before other-stance keys their pair's key there, and asserted leads-to claims none", async () => {
    const tag = `stance-${Date.now()}`;
    const pair = `${tag}>pair`;
    await driver.executeQuery(
      `UNWIND [['causes', 'ASSERTED', 'CAUSES'], ['denies', 'DENIED', 'CAUSES'], ['prevents', 'ASSERTED', 'PREVENTS'], ['denies-prevents', 'DENIED', 'PREVENTS']] AS c
       CREATE (:Claim { id: $tag + ':' + c[0], polarity: c[1], relation: c[2], pair: $pair, recordedAt: datetime() })`,
      { tag, pair },
    );
    await driver.executeQuery("MATCH (m:Migration { name: 'claim-other-stance-pair-1' }) DELETE m");
    await applyMigrations(driver, process.env.NEO4J_DATABASE, logger, DATA_MIGRATIONS);
    const { records } = await driver.executeQuery("MATCH (c:Claim { otherStancePair: $pair }) RETURN c.id AS id ORDER BY id", { pair });
    expect(records.map((r) => r.get("id"))).toEqual([`${tag}:denies`, `${tag}:denies-prevents`, `${tag}:prevents`]);
    await driver.executeQuery("MATCH (c:Claim) WHERE c.id STARTS WITH $tag DELETE c", { tag });
  });

  it("takes PRECEDES claims written while they were hops out of their pairs' LEADS_TO, and gives them their other-stance key", async () => {
    const tag = `precedes-${Date.now()}`;
    // As an earlier version left them: a pair with a CAUSES and a PRECEDES claim, a pair with a PRECEDES claim alone, both collapsed into LEADS_TO.
    await driver.executeQuery(
      `CREATE (src:Source { domain: $tag + '.example' })
       CREATE (a:Article { id: $tag, url: 'https://' + $tag + '.example/a', publishedAt: datetime('2026-02-01T00:00:00Z') })-[:PUBLISHED_BY]->(src)
       CREATE (x:MacroFactor { key: $tag + '-x' }), (y:Event { key: $tag + '-y' }), (z:Event { key: $tag + '-z' })
       WITH a, x, y, z
       UNWIND [['causes', 'CAUSES', y], ['precedes', 'PRECEDES', y], ['only-precedes', 'PRECEDES', z]] AS spec
       WITH a, x, spec[0] AS name, spec[1] AS relation, spec[2] AS effect
       CREATE (a)-[:MAKES]->(c:Claim { id: $tag + ':' + name, key: name, relation: relation, polarity: 'ASSERTED', modality: 'FACT',
                                        confidence: 0.9, recordedAt: datetime(), pair: 'MacroFactor:' + x.key + '>Event:' + effect.key })
       CREATE (x)<-[:CAUSE]-(c)-[:EFFECT]->(effect)
       WITH x, effect, collect(c.id) AS ids
       CREATE (x)-[:LEADS_TO { claimIds: ids, pair: 'MacroFactor:' + x.key + '>Event:' + effect.key }]->(effect)`,
      { tag },
    );
    await driver.executeQuery("MATCH (m:Migration { name: 'precedes-is-order-1' }) DELETE m");
    await applyMigrations(driver, process.env.NEO4J_DATABASE, logger, DATA_MIGRATIONS);
    const { records } = await driver.executeQuery(
      "MATCH (:MacroFactor { key: $tag + '-x' })-[r:LEADS_TO]->(e) RETURN e.key AS effect, r.claimIds AS ids ORDER BY effect",
      { tag },
    );
    expect(records.map((r) => [r.get("effect"), r.get("ids")])).toEqual([[`${tag}-y`, [`${tag}:causes`]]]);
    const stances = await driver.executeQuery(
      "MATCH (c:Claim) WHERE c.id STARTS WITH $tag RETURN c.key AS key, c.otherStancePair IS NOT NULL AS other ORDER BY key",
      { tag },
    );
    expect(stances.records.map((r) => [r.get("key"), r.get("other")])).toEqual([
      ["causes", false],
      ["only-precedes", true],
      ["precedes", true],
    ]);
    await driver.executeQuery(
      `MATCH (n) WHERE n.id STARTS WITH $tag OR n.key STARTS WITH $tag OR n.domain = $tag + '.example' DETACH DELETE n`,
      { tag },
    );
  });

  it("gives a LEADS_TO written before pair keys its pair's key, so the audit finds it by index", async () => {
    const tag = `leadsless-${Date.now()}`;
    await driver.executeQuery(
      `CREATE (:MacroFactor { key: $tag + '-cause' })-[:LEADS_TO { claimIds: [], domains: [] }]->(:Event { key: $tag + '-effect' })`,
      { tag },
    );
    await driver.executeQuery("MATCH (m:Migration { name: 'leads-to-pair-1' }) DELETE m");
    await applyMigrations(driver, process.env.NEO4J_DATABASE, logger, DATA_MIGRATIONS);
    const pair = pairKey({ label: "MacroFactor", key: `${tag}-cause` }, { label: "Event", key: `${tag}-effect` });
    const { records } = await driver.executeQuery("MATCH (:MacroFactor { key: $key })-[r:LEADS_TO]->() RETURN r.pair AS pair", {
      key: `${tag}-cause`,
    });
    expect(records.map((r) => r.get("pair"))).toEqual([pair]);
    const indexed = await driver.executeQuery("MATCH ()-[r:LEADS_TO { pair: $pair }]->() RETURN count(r) AS n", { pair });
    expect(Number(indexed.records[0]!.get("n"))).toBe(1);
    await driver.executeQuery("MATCH (x:MacroFactor { key: $tag + '-cause' })-[]->(y:Event) DETACH DELETE x, y", { tag });
  });

  it("gives an article written before articles recorded when the graph learned of them the time of its first citation", async () => {
    const tag = `mig-${Date.now()}`;
    await driver.executeQuery(
      `CREATE (:Article { id: $tag + '-citing-1', url: 'https://' + $tag + '.example/a' })-[:CITES { recordedAt: datetime('2026-01-05T00:00:00Z') }]->
              (cited:Article { id: $tag + '-cited', url: 'https://' + $tag + '.example/cited' })
       CREATE (:Article { id: $tag + '-citing-2', url: 'https://' + $tag + '.example/b' })-[:PAST_CITES { recordedAt: datetime('2026-01-02T00:00:00Z'), supersededAt: datetime('2026-01-03T00:00:00Z') }]->(cited)`,
      { tag },
    );
    await driver.executeQuery("MATCH (m:Migration { name: 'article-recorded-1' }) DELETE m");
    await applyMigrations(driver, process.env.NEO4J_DATABASE, logger, DATA_MIGRATIONS);
    const { records } = await driver.executeQuery("MATCH (a:Article { id: $id }) RETURN toString(a.recordedAt) AS at", {
      id: `${tag}-cited`,
    });
    expect(records.map((r) => r.get("at"))).toEqual(["2026-01-02T00:00:00Z"]);
    await driver.executeQuery("MATCH (a:Article) WHERE a.id STARTS WITH $tag DETACH DELETE a", { tag });
  });

  it("gives each LEADS_TO strong enough, and only those, its STRONG_LEADS_TO with its summaries", async () => {
    const tag = `mig-strong-${Date.now()}`;
    await driver.executeQuery(
      `CREATE (x:MacroFactor { key: $tag + '-x' })
       CREATE (x)-[:LEADS_TO { maxConfidence: 0.95, sources: 1, factConfidence: 0.9, factSources: 1 }]->(:Event { key: $tag + '-sure' })
       CREATE (x)-[:LEADS_TO { maxConfidence: 0.7, sources: 2, factConfidence: 0.7, factSources: 2 }]->(:Event { key: $tag + '-told-twice' })
       CREATE (x)-[:LEADS_TO { maxConfidence: 0.8, sources: 1, factConfidence: 0.8, factSources: 1 }]->(:Event { key: $tag + '-weak' })`,
      { tag },
    );
    await driver.executeQuery("MATCH (m:Migration { name: 'strong-leads-to-1' }) DELETE m");
    await applyMigrations(driver, process.env.NEO4J_DATABASE, logger, DATA_MIGRATIONS);
    const { records } = await driver.executeQuery(
      `MATCH (:MacroFactor { key: $tag + '-x' })-[s:STRONG_LEADS_TO]->(e) RETURN e.key AS key, s.maxConfidence AS max, s.sources AS sources ORDER BY key`,
      { tag },
    );
    expect(records.map((r) => [r.get("key"), r.get("max"), Number(r.get("sources"))])).toEqual([
      [`${tag}-sure`, 0.95, 1],
      [`${tag}-told-twice`, 0.7, 2],
    ]);
    expect(0.8).toBeLessThan(STRONG_FROM);
    await driver.executeQuery("MATCH (n) WHERE (n:MacroFactor OR n:Event) AND n.key STARTS WITH $tag DETACH DELETE n", { tag });
  });

  it("gives a STRONG_LEADS_TO written before publication ranges the earliest and latest of its pair's publication times", async () => {
    const tag = `mig-strong-range-${Date.now()}`;
    await driver.executeQuery(
      `CREATE (x:MacroFactor { key: $tag + '-x' })-[:LEADS_TO { pair: $tag, publishedAt: [300, 100, 200], maxConfidence: 0.95, sources: 1, factConfidence: 0.95, factSources: 1 }]->(y:Event { key: $tag + '-y' })
       CREATE (x)-[:STRONG_LEADS_TO { pair: $tag, maxConfidence: 0.95, sources: 1 }]->(y)`,
      { tag },
    );
    await driver.executeQuery("MATCH (m:Migration { name: 'strong-published-1' }) DELETE m");
    await applyMigrations(driver, process.env.NEO4J_DATABASE, logger, DATA_MIGRATIONS);
    const { records } = await driver.executeQuery(
      "MATCH ()-[s:STRONG_LEADS_TO { pair: $tag }]->() RETURN s.firstPublished AS first, s.lastPublished AS last",
      { tag },
    );
    expect(records.map((r) => [Number(r.get("first")), Number(r.get("last"))])).toEqual([[100, 300]]);
    await driver.executeQuery("MATCH (n) WHERE (n:MacroFactor OR n:Event) AND n.key STARTS WITH $tag DETACH DELETE n", { tag });
  });

  it("makes a duplicate key impossible, whatever the writer", async () => {
    const domain = `dup-${Date.now()}.example`;
    await driver.executeQuery("CREATE (:Source { domain: $domain, name: 'One' })", { domain });
    await expect(driver.executeQuery("CREATE (:Source { domain: $domain, name: 'Two' })", { domain })).rejects.toThrow(/already exists/);
    await driver.executeQuery("MATCH (s:Source { domain: $domain }) DELETE s", { domain });
  });
});
