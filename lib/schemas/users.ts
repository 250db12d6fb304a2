// The current user (API.md §2). Client-safe: no server imports.

import { z } from "zod";

export const MeOutput = z.object({
  name: z.string(),
  user_id: z.string(),
  display_name: z.string(),
  email: z.string(),
  create_time: z.string(),
});
export type MeOutput = z.infer<typeof MeOutput>;
