import { z } from 'zod';

/** Opaque identifier (UUIDv7 on the server; clients must not parse it). */
export const Id = z.string().min(1).max(64);

/** ISO-8601 instant in UTC, e.g. 2026-11-24T10:00:00.000Z. */
export const Timestamp = z.string();

export const PageQuery = z.strictObject({
  cursor: z.string().max(512).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});
export type PageQuery = z.infer<typeof PageQuery>;

/** Every list answers with its items and the cursor of the next page (null at the end). */
export const pageOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), nextCursor: z.string().nullable() });
export type Page<T> = { items: T[]; nextCursor: string | null };

/** RFC 9457 problem details, with our stable `code` and per-field errors. */
export const Problem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string().optional(),
  code: z.string(),
  errors: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
});
export type Problem = z.infer<typeof Problem>;

/** Trimmed, non-empty single-line text. */
export const line = (max: number) => z.string().trim().min(1).max(max);
