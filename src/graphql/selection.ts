import { getNamedType, isAbstractType, isObjectType, type GraphQLObjectType, type GraphQLResolveInfo } from "graphql";
import { parseResolveInfo, type FieldsByTypeName, type ResolveTree } from "graphql-parse-resolve-info";

/** Field names (not aliases) a query selects, per concrete object type. */
export type SelectedFields = ReadonlyMap<string, ReadonlySet<string>>;

/** Selections of one level: per type condition, the fields selected under it. */
type Level = ReadonlyMap<string, readonly ResolveTree[]>;

/**
 * The fields the current field's selection asks of each object type it can return, following
 * `path` (e.g. `["edges", "node"]` for a connection's nodes). Fragments on interfaces and
 * unions count for every type that implements or belongs to them; `@skip`/`@include` are
 * applied. Undefined when the path is not selected.
 */
export function selectedFields(info: GraphQLResolveInfo, path: readonly string[] = []): SelectedFields | undefined {
  const root = parseResolveInfo(info) as ResolveTree | null;
  if (!root) return undefined;
  let level = levelOf([root.fieldsByTypeName]);
  let type = getNamedType(info.returnType);
  for (const step of path) {
    const field = isObjectType(type) ? type.getFields()[step] : undefined;
    const children = [...level.values()].flat().filter((child) => child.name === step);
    if (!field || children.length === 0) return undefined;
    level = levelOf(children.map((child) => child.fieldsByTypeName));
    type = getNamedType(field.type);
  }
  const concrete: readonly GraphQLObjectType[] = isAbstractType(type)
    ? info.schema.getPossibleTypes(type)
    : isObjectType(type)
      ? [type]
      : [];
  const out = new Map<string, Set<string>>();
  for (const object of concrete) {
    const names = new Set<string>();
    for (const [condition, fields] of level) {
      const conditionType = info.schema.getType(condition);
      const applies =
        conditionType === object ||
        (conditionType !== undefined && isAbstractType(conditionType) && info.schema.isSubType(conditionType, object));
      if (applies) for (const child of fields) names.add(child.name);
    }
    out.set(object.name, names);
  }
  return out;
}

function levelOf(all: readonly FieldsByTypeName[]): Level {
  const level = new Map<string, ResolveTree[]>();
  for (const byType of all) {
    for (const [condition, fields] of Object.entries(byType))
      level.set(condition, [...(level.get(condition) ?? []), ...Object.values(fields)]);
  }
  return level;
}
