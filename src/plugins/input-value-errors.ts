import { GraphQLError, parse, visit, type ASTNode } from "graphql";
import { InvalidValueError } from "../errors.js";

/** The InvalidValueError a scalar threw, somewhere down GraphQL's chain of wrapping errors. */
export function invalidValueCause(error: unknown): InvalidValueError | null {
  let current: unknown = error;
  for (let depth = 0; current && depth < 5; depth += 1) {
    if (current instanceof InvalidValueError) return current;
    current = current instanceof GraphQLError ? current.originalError : null;
  }
  return null;
}

// graphql-js names a variable's bad part only in its message: `Variable "$f" got invalid value … at "f.from"; …`.
const VARIABLE_MESSAGE = /^Variable "\$([_A-Za-z][_0-9A-Za-z]*)" got invalid value [\s\S]*? at "([^"]+)"; /;
const WHOLE_VARIABLE_MESSAGE = /^Variable "\$([_A-Za-z][_0-9A-Za-z]*)" got invalid value /;

/**
 * The field a bad value was given for: the argument path of a literal in the document
 * (`filter.from`), or the path inside a variable (`input.publishedAt`, the variable's name
 * first). Null when it cannot be told.
 */
export function invalidValueField(error: GraphQLError): string | null {
  const variable = VARIABLE_MESSAGE.exec(error.message);
  if (variable) return variable[2]!;
  const whole = WHOLE_VARIABLE_MESSAGE.exec(error.message);
  if (whole) return whole[1]!;
  const [node] = error.nodes ?? [];
  if (!node?.loc || !error.source) return null;
  return argumentPathAt(error.source.body, node.loc.start);
}

/** The argument path (`filter.tags[2]`) of the value that starts at `offset` in a document. */
function argumentPathAt(document: string, offset: number): string | null {
  const path: string[] = [];
  let found: string | null = null;
  const step = (node: ASTNode, parent: unknown, key: string | number | undefined): string | null => {
    if (node.kind === "Argument" || node.kind === "ObjectField") return `.${node.name.value}`;
    return Array.isArray(parent) && typeof key === "number" && node.kind !== "Field" && node.kind !== "Directive" && isValue(node)
      ? `[${key}]`
      : null;
  };
  visit(parse(document), {
    enter(node, key, parent) {
      if (found !== null) return false;
      const part = step(node, parent, key);
      path.push(part ?? "");
      if (isValue(node) && node.loc?.start === offset && path.some((p) => p !== "")) {
        found = path.join("").replace(/^\./, "");
        return false;
      }
      return undefined;
    },
    leave() {
      path.pop();
    },
  });
  return found;
}

function isValue(node: ASTNode): boolean {
  return node.kind.endsWith("Value");
}
