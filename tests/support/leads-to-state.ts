import type { Driver } from "neo4j-driver";

/** One pair's LEADS_TO as stored, or as its current claims say it should be. */
export interface PairState {
  readonly pair: string;
  readonly ids: string[];
  readonly max: number;
  readonly sources: number;
  readonly factConfidence: number;
  readonly factSources: number;
}

const shape = (r: { get(key: string): unknown }): PairState => ({
  pair: r.get("pair") as string,
  ids: [...(r.get("ids") as string[])].sort(),
  max: r.get("max") as number,
  sources: Number(r.get("sources")),
  factConfidence: r.get("factConfidence") as number,
  factSources: Number(r.get("factSources")),
});

/** The LEADS_TO between macro factors whose keys start with `tag`, as stored, by "x>y". */
export async function storedLeadsTo(driver: Driver, tag: string): Promise<PairState[]> {
  const { records } = await driver.executeQuery(
    `MATCH (x:MacroFactor)-[r:LEADS_TO]->(y) WHERE x.key STARTS WITH $tag
     RETURN x.key + '>' + y.key AS pair, r.claimIds AS ids, r.maxConfidence AS max,
            r.sources AS sources, r.factConfidence AS factConfidence, r.factSources AS factSources ORDER BY pair`,
    { tag },
  );
  return records.map(shape);
}

/** What those LEADS_TO should be: computed from the current asserted leads-to claims themselves. */
export async function leadsToFromClaims(driver: Driver, tag: string): Promise<PairState[]> {
  const { records } = await driver.executeQuery(
    `MATCH (x:MacroFactor)<-[:CAUSE]-(c:Claim)-[:EFFECT]->(y) WHERE x.key STARTS WITH $tag
       AND c.polarity = 'ASSERTED' AND c.relation <> 'PREVENTS' AND c.supersededAt IS NULL AND c.retractedAt IS NULL
     MATCH (a:Article)-[:MAKES]->(c)
     OPTIONAL MATCH (a)-[:PUBLISHED_BY]->(s:Source)
     WITH x.key + '>' + y.key AS pair, c, coalesce(s.domain, '') AS domain, c.modality = 'CONDITIONAL' AS conditional
     WITH pair, collect(c.id) AS ids, max(c.confidence) AS max, count(DISTINCT domain) AS sources,
          coalesce(max(CASE WHEN NOT conditional THEN c.confidence END), 0.0) AS factConfidence,
          count(DISTINCT CASE WHEN NOT conditional THEN domain END) AS factSources
     RETURN pair, ids, max, sources, factConfidence, factSources ORDER BY pair`,
    { tag },
  );
  return records.map(shape);
}
