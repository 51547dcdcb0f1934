import type { NodeRow } from "../../cypher/projection.js";

/** A node's map as projection.ts reads it, by label: how each entity folder turns one into its GraphQL object. */
export type NodeMappers<T> = Readonly<Record<string, (row: NodeRow) => T>>;

/** A stored property as text ("" when absent). */
export const text = (value: unknown): string => String(value ?? "");

/** A stored property as text, or null when absent. */
export const optionalText = (value: unknown): string | null => (value === null || value === undefined ? null : String(value));

/** A stored number, or null when absent. */
export const optionalNumber = (value: unknown): number | null => (typeof value === "number" ? value : null);

/** A node's aliases (the keys and names it was given), its own key first; `[key, name]` for nodes stored before aliases were kept. */
export function aliasesOf(row: NodeRow, key: string, name: unknown): string[] {
  const kept = Array.isArray(row.aliases) ? row.aliases.map(String) : [];
  const own = [key, ...(typeof name === "string" ? [name] : [])];
  return [...new Set([key, ...kept, ...own])];
}

/** One mapper over the labels of `mappers`: a row of another label is a bug in the query that read it. */
export function mapperOf<T>(mappers: NodeMappers<T>): (row: NodeRow) => T {
  return (row) => {
    const mapper = mappers[row.__label];
    if (!mapper) throw new Error(`no GraphQL type for label ${row.__label}`);
    return mapper(row);
  };
}
