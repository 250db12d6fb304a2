// A Prisma client on the test database that emits each statement it sends (Prisma's query
// events), for tests that count statements or EXPLAIN the ones the product really sends.

import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { GLOBAL_OMIT } from "@/lib/prisma-client";

export function makeLoggedClient(max = 4) {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: process.env.DATABASE_URL, max }), omit: GLOBAL_OMIT, log: [{ emit: "event", level: "query" }] });
}

export type LoggedClient = ReturnType<typeof makeLoggedClient>;
