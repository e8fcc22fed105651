/**
 * Shallow JSON for jsonb columns: deep enough for what we store, flat enough for TypeORM's insert typing
 * (a recursive JSON type makes its QueryDeepPartialEntity infinite).
 */
export type JsonScalar = string | number | boolean | null;
export type JsonObject = { [key: string]: JsonScalar | JsonScalar[] | { [key: string]: JsonScalar } };
