import examples from "./examples/index.json";

interface Example {
  readonly title: string;
  readonly file: string;
  readonly variables?: Record<string, unknown>;
  readonly headers?: Record<string, string>;
}

const documents = import.meta.glob<string>("./examples/*.graphql", { query: "?raw", import: "default", eager: true });

/** The saved examples (drawn from the seed article) as GraphiQL tabs, in the order of index.json. */
export function savedExamples() {
  return (examples as Example[]).map((example) => {
    const query = documents[`./examples/${example.file}`];
    if (query === undefined) throw new Error(`Example ${example.file} is missing`);
    return {
      query,
      variables: example.variables ? JSON.stringify(example.variables, null, 2) : undefined,
      headers: example.headers ? JSON.stringify(example.headers, null, 2) : undefined,
    };
  });
}
