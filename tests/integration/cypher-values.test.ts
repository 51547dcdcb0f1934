import { describe, expect, it } from "vitest";
import { CypherRunner } from "../../src/db/cypher-runner.js";
import { useTestServer } from "../support/server.js";

const server = useTestServer();

describe("CypherRunner's plain values", () => {
  it("turns what the driver returns into JSON-like values, nested lists and maps too, and frozen ones (points) alike", async () => {
    const cypher = new CypherRunner(server.driver, { database: server.config.neo4j.database, timeoutMs: 10_000 });
    const [row] = await cypher.read(
      `RETURN [1, 2.5, null, 'a', [datetime('2026-02-01T09:55:00-05:00')]] AS list,
              { n: 7, at: datetime('2026-02-01T14:55:00.500Z'), inner: { day: date('2026-02-01') } } AS map,
              point({ x: 1.5, y: 2 }) AS point, [point({ x: 0, y: 0, z: 1 })] AS points`,
    );
    expect(row).toEqual({
      list: [1, 2.5, null, "a", ["2026-02-01T09:55:00-05:00"]],
      map: { n: 7, at: "2026-02-01T14:55:00.5Z", inner: { day: "2026-02-01" } },
      point: { srid: 7203, x: 1.5, y: 2, z: null },
      points: [{ srid: 9157, x: 0, y: 0, z: 1 }],
    });
  });
});
