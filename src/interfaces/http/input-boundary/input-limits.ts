export interface InputLimits {
  readonly maxDepth: number;
  readonly maxKeys: number;
  readonly maxItems: number;
  readonly maxStringLength: number;
}

/**
 * What the API accepts before any request reaches a DTO (docs/http-api.md, "Input limits"). Set well above what any
 * request DTO allows (the deepest body nests 3 levels, the widest list is a grant's 500 ids, the longest text 1,024
 * characters), so a valid request never meets them, and low enough that refusing the worst input allowed by the body
 * limit stays a few milliseconds of work.
 */
export const INPUT_LIMITS: InputLimits = {
  /** Nesting of objects and arrays in a JSON body. */
  maxDepth: 16,
  /** Members of one JSON object (and distinct parameters of one query string). */
  maxKeys: 100,
  /** Items of one JSON array (and values of one repeated query parameter). */
  maxItems: 1000,
  /** Characters of one string: a JSON value or key, a query value. */
  maxStringLength: 4096,
};
