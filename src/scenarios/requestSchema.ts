/** One request, event, message or record of a workload: `count` of them, `everyMs` apart. */
import { z } from 'zod';

const nonNegative = z.number().min(0);

export const requestSchema = z
  .object({
    id: z
      .string()
      .min(1)
      .optional()
      .describe(
        'The item id, unique in the scenario (default "<source id>-<n>" for the n-th request). With count > 1, "-1", "-2"… are appended.',
      ),
    atMs: nonNegative
      .default(0)
      .describe('When the first one arrives, in milliseconds of simulated time (default 0).'),
    count: z
      .number()
      .int()
      .min(1)
      .max(1_000_000)
      .default(1)
      .describe('How many to send (1–1,000,000, default 1).'),
    everyMs: nonNegative
      .default(0)
      .describe('Milliseconds between one and the next (default 0: all at once).'),
    payload: z.unknown().optional().describe('The event the function receives: any JSON (default {}).'),
    payloadSizeBytes: z
      .number()
      .int()
      .min(0)
      .optional()
      .describe(
        "The payload's size in bytes for the limit checks (default: the length of its JSON). Limits: 6 MB sync, 1 MB async, 1 MB ALB.",
      ),
  })
  .strict()
  .describe('One request or event, or `count` of them `everyMs` apart.');
