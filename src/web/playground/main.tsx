import "graphiql/setup-workers/vite";
import "graphiql/style.css";
import "@graphiql/plugin-explorer/style.css";
import { explorerPlugin } from "@graphiql/plugin-explorer";
import { createGraphiQLFetcher } from "@graphiql/toolkit";
import { GraphiQL } from "graphiql";
import { buildSchema, type GraphQLSchema } from "graphql";
import { createRoot } from "react-dom/client";
import { savedExamples } from "./examples.js";

/**
 * The schema comes from the server's own SDL (/ui/schema.graphql), not from an
 * introspection query, so the playground works when INTROSPECTION is off.
 */
async function loadSchema(): Promise<GraphQLSchema> {
  const response = await fetch(`${import.meta.env.BASE_URL}schema.graphql`);
  if (!response.ok) throw new Error(`Could not load the schema (HTTP ${response.status})`);
  return buildSchema(await response.text());
}

/** Where GraphiQL keeps its tabs in localStorage. */
const TAB_STATE_KEY = "graphiql:tabState";

async function start(root: HTMLElement) {
  const fetcher = createGraphiQLFetcher({ url: new URL("/graphql", location.href).toString() });
  let schema: GraphQLSchema | null = null;
  try {
    schema = await loadSchema();
  } catch (error) {
    console.error(error);
  }
  const tabs = savedExamples();
  // GraphiQL fills the first tab's variable and header editors only from initialVariables and
  // initialHeaders, so pass the first example's on a first visit (later, the stored tabs win).
  const firstVisit = localStorage.getItem(TAB_STATE_KEY) === null;
  createRoot(root).render(
    <GraphiQL
      fetcher={fetcher}
      schema={schema}
      plugins={[explorerPlugin()]}
      defaultTabs={tabs}
      initialVariables={firstVisit ? tabs[0]?.variables : undefined}
      initialHeaders={firstVisit ? tabs[0]?.headers : undefined}
      defaultEditorToolsVisibility="variables"
    />,
  );
}

void start(document.getElementById("playground")!);
