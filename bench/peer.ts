import { ApolloServer } from "@apollo/server";
import { startStandaloneServer } from "@apollo/server/standalone";
import { Neo4jGraphQL } from "@neo4j/graphql";
import neo4j from "neo4j-driver";

/**
 * The generic peer: `@neo4j/graphql` 7 over the same database, with type definitions for
 * the part of the model its questions need (articles, sources, claims and their causes).
 * Run by the benchmark as its own process: `node dist/bench/peer.js`, with NEO4J_URI and
 * PORT set; it listens on 127.0.0.1 only and prints `PEER_READY <url>` once it serves.
 */
export const PEER_TYPE_DEFS = /* GraphQL */ `
  type Source @node {
    domain: String!
    name: String
  }
  type Asset @node {
    symbol: String!
    name: String
  }
  type MacroFactor @node {
    key: String!
    name: String
  }
  type Event @node {
    key: String!
    title: String
  }
  type PriceMove @node {
    key: String!
  }
  type Entity @node {
    key: String!
    name: String
  }
  type Narrative @node {
    key: String!
    name: String
  }
  union CausalNode = MacroFactor | Event | PriceMove | Asset | Entity | Narrative
  type Claim @node {
    id: String!
    text: String
    confidence: Float
    cause: [CausalNode!]! @relationship(type: "CAUSE", direction: OUT)
    article: [Article!]! @relationship(type: "MAKES", direction: IN)
  }
  type Article @node {
    id: String!
    url: String!
    title: String
    publishedAt: DateTime
    source: [Source!]! @relationship(type: "PUBLISHED_BY", direction: OUT)
    claims: [Claim!]! @relationship(type: "MAKES", direction: OUT)
    assets: [Asset!]! @relationship(type: "MENTIONS", direction: OUT)
  }
`;

async function main(): Promise<void> {
  const uri = process.env.NEO4J_URI;
  const port = Number(process.env.PORT ?? "0");
  if (!uri) throw new Error("NEO4J_URI must be set");
  const driver = neo4j.driver(uri, neo4j.auth.basic(process.env.NEO4J_USERNAME ?? "neo4j", process.env.NEO4J_PASSWORD ?? ""));
  const schema = await new Neo4jGraphQL({ typeDefs: PEER_TYPE_DEFS, driver }).getSchema();
  const server = new ApolloServer({ schema });
  const { url } = await startStandaloneServer(server, { listen: { host: "127.0.0.1", port } });
  process.stdout.write(`PEER_READY ${url}\n`);
  const stop = () =>
    void server
      .stop()
      .then(() => driver.close())
      .then(() => process.exit(0));
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`peer failed: ${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
