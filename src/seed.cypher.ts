/** Whether the database holds an article at all (the seed may load only into an empty one). */
export const ANY_ARTICLE = "MATCH (a:Article) RETURN count(a) > 0 AS any";
