// Bulk provisioning from CSV: the file format, the per-row checks the console runs before
// anything is sent, and the mapping of a server refusal back to the row it names. The server
// (workspaces:batchCreate) still checks everything again; these only give earlier, per-row answers.
// Pure and client-safe.

import { charLength, emailSchema } from "../schemas/common";
import { BATCH_MEMBER_ROLES, MAX_BATCH_MEMBERS, MAX_BATCH_REQUESTS } from "../schemas/workspaces";
import { parseCsv } from "./csv";

export const BULK_COLUMNS = ["title", "description", "members"] as const;
export type BulkColumn = (typeof BULK_COLUMNS)[number];

/** The header line a file must start with (columns in any order; only title is required). */
export const BULK_HEADER = "title,description,members";

export const BULK_EXAMPLE = [
  BULK_HEADER,
  'Customer Success,"Support, onboarding and renewals",alice@acme.example; bob@acme.example',
  "Research,,",
].join("\n");

export const MAX_TITLE = 256;
export const MAX_DESCRIPTION = 1024;

export type BulkRole = (typeof BATCH_MEMBER_ROLES)[number];

export interface BulkRow {
  /** 1-based number among the data rows (the header is not counted). */
  row: number;
  /** 1-based line of the text on which the row starts. */
  line: number;
  title: string;
  description: string;
  /** Normalised (trimmed, lower-cased) member emails. */
  members: string[];
  errors: string[];
}

export interface BulkPlan {
  rows: BulkRow[];
  /** Problems with the text as a whole (no header, unknown column, too many rows…). */
  fileErrors: string[];
}

/** Member cells list emails separated by semicolons, commas, or spaces. */
function splitEmails(cell: string): string[] {
  return cell.split(/[;,\s]+/).filter(Boolean);
}

function readHeader(header: string[]): { columns: Map<BulkColumn, number>; errors: string[] } {
  const columns = new Map<BulkColumn, number>();
  const errors: string[] = [];
  header.forEach((raw, i) => {
    const name = raw.trim().toLowerCase();
    if (!name) return;
    if (!(BULK_COLUMNS as readonly string[]).includes(name)) {
      errors.push(`Unknown column “${raw.trim()}”. The columns are ${BULK_COLUMNS.join(", ")}.`);
    } else if (columns.has(name as BulkColumn)) {
      errors.push(`The column “${name}” appears twice.`);
    } else {
      columns.set(name as BulkColumn, i);
    }
  });
  // Without a title column the first line is most likely data: say what the header must be.
  if (!columns.has("title")) return { columns, errors: [`The first line must be the header row: ${BULK_HEADER}`] };
  return { columns, errors };
}

/** Reads and checks the text; every row gets its own list of errors. */
export function planBulkProvision(text: string): BulkPlan {
  const csv = parseCsv(text);
  if (csv.error) return { rows: [], fileErrors: [csv.error] };
  if (csv.rows.length === 0) return { rows: [], fileErrors: [] };

  const { columns, errors: fileErrors } = readHeader(csv.rows[0]);
  if (fileErrors.length) return { rows: [], fileErrors };
  const width = csv.rows[0].length;
  const cell = (record: string[], column: BulkColumn) => {
    const i = columns.get(column);
    return i === undefined ? "" : (record[i] ?? "");
  };

  const firstRowByTitle = new Map<string, number>();
  const rows = csv.rows.slice(1).map((record, i): BulkRow => {
    const row = i + 1;
    const errors: string[] = [];
    const title = cell(record, "title").trim();
    const description = cell(record, "description").trim();

    if (record.slice(width).some((f) => f.trim())) {
      errors.push(`Has ${record.length} fields but the header has ${width}; quote values that contain commas.`);
    }
    if (!title) {
      errors.push("Title is required.");
    } else if (charLength(title) > MAX_TITLE) {
      errors.push(`Title is too long: ${charLength(title)} characters, at most ${MAX_TITLE}.`);
    } else {
      const key = title.toLowerCase();
      const first = firstRowByTitle.get(key);
      if (first !== undefined) errors.push(`Repeats the title of row ${first}; titles must be unique.`);
      else firstRowByTitle.set(key, row);
    }
    if (charLength(description) > MAX_DESCRIPTION) {
      errors.push(`Description is too long: ${charLength(description)} characters, at most ${MAX_DESCRIPTION}.`);
    }

    const members: string[] = [];
    for (const raw of splitEmails(cell(record, "members"))) {
      const parsed = emailSchema.safeParse(raw);
      if (!parsed.success) {
        errors.push(`“${raw}” is not a valid email address.`);
      } else if (members.includes(parsed.data)) {
        errors.push(`Lists ${parsed.data} twice.`);
      } else {
        members.push(parsed.data);
      }
    }
    if (members.length > MAX_BATCH_MEMBERS) errors.push(`Lists ${members.length} members; at most ${MAX_BATCH_MEMBERS} per workspace.`);

    return { row, line: csv.lines[i + 1], title, description, members, errors };
  });

  if (rows.length > MAX_BATCH_REQUESTS) {
    fileErrors.push(`The file has ${rows.length} workspaces; at most ${MAX_BATCH_REQUESTS} can be created at once. Split it into several files.`);
  }
  return { rows, fileErrors };
}

export function planIsReady(plan: BulkPlan): boolean {
  return plan.rows.length > 0 && plan.fileErrors.length === 0 && plan.rows.every((r) => r.errors.length === 0);
}

/** The workspaces:batchCreate body for checked rows; every listed member gets `role`. */
export function batchCreateBody(rows: BulkRow[], role: BulkRole) {
  return {
    requests: rows.map((r) => ({
      workspace: { title: r.title, description: r.description },
      members: r.members.map((email) => ({ email, roles: [role] })),
    })),
  };
}

/**
 * The preview row (1-based) a server field violation such as `requests[2].members[0].email`
 * names, or undefined when it names no row.
 */
export function rowOfViolation(field: string): number | undefined {
  const m = /^requests\[(\d+)\]/.exec(field);
  return m ? Number(m[1]) + 1 : undefined;
}
