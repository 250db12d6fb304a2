// AIP-160 filter subset: comparisons (`=`, `!=`, `:`, `<`, `<=`, `>`, `>=`), AND, OR, NOT, parentheses,
// quoted and bare values. The parser builds an AST; `compileFilter` turns it into a Prisma `where`
// through per-resource field definitions, so values only ever travel as bound query parameters.

import { textProblem } from "../schemas/text";
import { ApiError } from "./errors";

export type FilterOp = "=" | "!=" | ":" | "<" | "<=" | ">" | ">=";

export type FilterNode =
  | { type: "and"; children: FilterNode[] }
  | { type: "or"; children: FilterNode[] }
  | { type: "not"; child: FilterNode }
  | { type: "cmp"; field: string; op: FilterOp; value: string; quoted: boolean; pos: number };

type Token =
  | { kind: "lparen" | "rparen"; pos: number }
  | { kind: "op"; op: FilterOp; pos: number }
  | { kind: "string"; value: string; pos: number }
  | { kind: "word"; value: string; pos: number };

export const MAX_FILTER_LENGTH = 2048;
const MAX_DEPTH = 32;

function filterError(description: string): ApiError {
  return new ApiError("INVALID_ARGUMENT", `Invalid filter: ${description}`, {
    reason: "INVALID_FILTER",
    fieldViolations: [{ field: "filter", description }],
  });
}

function tokenize(input: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < input.length) {
    const c = input[i];
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    const pos = i + 1; // 1-based column for messages
    if (c === "(") {
      tokens.push({ kind: "lparen", pos });
      i++;
    } else if (c === ")") {
      tokens.push({ kind: "rparen", pos });
      i++;
    } else if (c === "!" && input[i + 1] === "=") {
      tokens.push({ kind: "op", op: "!=", pos });
      i += 2;
    } else if ((c === "<" || c === ">") && input[i + 1] === "=") {
      tokens.push({ kind: "op", op: `${c}=` as FilterOp, pos });
      i += 2;
    } else if (c === "=" || c === ":" || c === "<" || c === ">") {
      tokens.push({ kind: "op", op: c as FilterOp, pos });
      i++;
    } else if (c === '"' || c === "'") {
      const quote = c;
      let value = "";
      let j = i + 1;
      let closed = false;
      while (j < input.length) {
        const d = input[j];
        if (d === "\\" && j + 1 < input.length) {
          value += input[j + 1];
          j += 2;
          continue;
        }
        if (d === quote) {
          closed = true;
          break;
        }
        value += d;
        j++;
      }
      if (!closed) throw filterError(`unterminated string starting at position ${pos}`);
      tokens.push({ kind: "string", value, pos });
      i = j + 1;
    } else {
      let j = i;
      while (j < input.length && !/[\s()=!:<>"']/.test(input[j])) j++;
      if (j === i) throw filterError(`unexpected character '${c}' at position ${pos}`);
      tokens.push({ kind: "word", value: input.slice(i, j), pos });
      i = j;
    }
  }
  return tokens;
}

class Parser {
  private i = 0;
  constructor(private readonly tokens: Token[], private readonly length: number) {}

  parse(): FilterNode {
    const node = this.parseOr(0);
    const rest = this.peek();
    if (rest) throw filterError(`unexpected ${describe(rest)} at position ${rest.pos}`);
    return node;
  }

  private peek(): Token | undefined {
    return this.tokens[this.i];
  }

  private isKeyword(t: Token | undefined, word: string): boolean {
    return t?.kind === "word" && t.value === word;
  }

  private parseOr(depth: number): FilterNode {
    const children = [this.parseAnd(depth)];
    while (this.isKeyword(this.peek(), "OR")) {
      this.i++;
      children.push(this.parseAnd(depth));
    }
    return children.length === 1 ? children[0] : { type: "or", children };
  }

  private parseAnd(depth: number): FilterNode {
    const children = [this.parseUnary(depth)];
    for (;;) {
      const t = this.peek();
      if (this.isKeyword(t, "AND")) {
        this.i++;
        children.push(this.parseUnary(depth));
      } else if (t && (t.kind === "lparen" || (t.kind === "word" && t.value !== "OR"))) {
        // AIP-160: terms separated by whitespace are ANDed.
        children.push(this.parseUnary(depth));
      } else {
        break;
      }
    }
    return children.length === 1 ? children[0] : { type: "and", children };
  }

  private parseUnary(depth: number): FilterNode {
    if (depth > MAX_DEPTH) throw filterError("expression nested too deeply");
    const t = this.peek();
    if (this.isKeyword(t, "NOT")) {
      this.i++;
      return { type: "not", child: this.parseUnary(depth + 1) };
    }
    if (t?.kind === "word" && t.value.startsWith("-") && t.value.length > 1) {
      this.tokens[this.i] = { kind: "word", value: t.value.slice(1), pos: t.pos + 1 };
      return { type: "not", child: this.parseUnary(depth + 1) };
    }
    return this.parsePrimary(depth);
  }

  private parsePrimary(depth: number): FilterNode {
    const t = this.peek();
    if (!t) throw filterError(`expected a comparison at position ${this.length + 1}`);
    if (t.kind === "lparen") {
      this.i++;
      const inner = this.parseOr(depth + 1);
      const close = this.peek();
      if (close?.kind !== "rparen") {
        throw filterError(`expected ')' at position ${close ? close.pos : this.length + 1}`);
      }
      this.i++;
      return inner;
    }
    if (t.kind !== "word" || ["AND", "OR", "NOT"].includes(t.value)) {
      throw filterError(`expected a field name at position ${t.pos}, found ${describe(t)}`);
    }
    if (!/^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/.test(t.value)) {
      throw filterError(`invalid field name '${t.value}' at position ${t.pos}`);
    }
    this.i++;
    const op = this.peek();
    if (op?.kind !== "op") {
      throw filterError(
        `expected an operator after '${t.value}' at position ${op ? op.pos : this.length + 1}`,
      );
    }
    this.i++;
    const value = this.peek();
    if (!value || (value.kind !== "string" && value.kind !== "word")) {
      throw filterError(`expected a value at position ${value ? value.pos : this.length + 1}`);
    }
    this.i++;
    return {
      type: "cmp",
      field: t.value,
      op: op.op,
      value: value.value,
      quoted: value.kind === "string",
      pos: t.pos,
    };
  }
}

function describe(t: Token): string {
  switch (t.kind) {
    case "lparen":
      return "'('";
    case "rparen":
      return "')'";
    case "op":
      return `'${t.op}'`;
    case "string":
      return `"${t.value}"`;
    case "word":
      return `'${t.value}'`;
  }
}

/** Parses an AIP-160 filter. An empty or blank filter is `undefined` (no restriction). */
export function parseFilter(input: string | null | undefined): FilterNode | undefined {
  if (input == null || input.trim() === "") return undefined;
  if (input.length > MAX_FILTER_LENGTH) {
    throw filterError(`longer than ${MAX_FILTER_LENGTH} characters`);
  }
  // Tab and newline are whitespace to the parser; NUL and the rest would reach PostgreSQL as values.
  const problem = textProblem(input, { multiline: true });
  if (problem) throw filterError(problem);
  return new Parser(tokenize(input), input.length).parse();
}

export interface FilterField<W> {
  ops: readonly FilterOp[];
  /** Builds the `where` for one comparison; throws an ApiError (via `reject`) on a bad value. */
  where: (op: FilterOp, value: string, reject: (description: string) => never) => W;
}

export type FilterFields<W> = Record<string, FilterField<W>>;

/** Compiles a parsed filter into a Prisma-style `where` object. */
export function compileFilter<W extends object>(
  node: FilterNode | undefined,
  fields: FilterFields<W>,
): W | undefined {
  if (!node) return undefined;
  const walk = (n: FilterNode): W => {
    switch (n.type) {
      case "and":
        return { AND: n.children.map(walk) } as unknown as W;
      case "or":
        return { OR: n.children.map(walk) } as unknown as W;
      case "not":
        return { NOT: walk(n.child) } as unknown as W;
      case "cmp": {
        const def = Object.hasOwn(fields, n.field) ? fields[n.field] : undefined;
        if (!def) {
          const known = Object.keys(fields).join(", ");
          throw filterError(`unknown field '${n.field}' at position ${n.pos} (filterable: ${known})`);
        }
        if (!def.ops.includes(n.op)) {
          throw filterError(
            `operator '${n.op}' is not supported on '${n.field}' at position ${n.pos} (use ${def.ops.join(" ")})`,
          );
        }
        return def.where(n.op, n.value, (description) => {
          throw filterError(`${description} for '${n.field}' at position ${n.pos}`);
        });
      }
    }
  };
  return walk(node);
}

/** A canonical text of the filter, used to bind page tokens to the query that made them. */
export function canonicalFilter(node: FilterNode | undefined): string {
  if (!node) return "";
  switch (node.type) {
    case "and":
    case "or":
      return `(${node.children.map(canonicalFilter).join(` ${node.type.toUpperCase()} `)})`;
    case "not":
      return `NOT ${canonicalFilter(node.child)}`;
    case "cmp":
      return `${node.field}${node.op}${JSON.stringify(node.value)}`;
  }
}

/** Field helpers for the common kinds of filterable columns. */
export const filterOn = {
  /** Text column: `=`/`!=` exact (case-insensitive), `:` contains (case-insensitive). */
  text<W>(column: string): FilterField<W> {
    return {
      ops: ["=", "!=", ":"],
      where: (op, value) => {
        const cond =
          op === ":"
            ? { contains: value, mode: "insensitive" }
            : { equals: value, mode: "insensitive" };
        return (op === "!=" ? { NOT: { [column]: cond } } : { [column]: cond }) as W;
      },
    };
  },
  /** Enum column whose wire values are the stored values (case-insensitive on input). */
  enumeration<W>(column: string, values: readonly string[]): FilterField<W> {
    return {
      ops: ["=", "!="],
      where: (op, value, reject) => {
        const v = value.toUpperCase();
        if (!values.includes(v)) reject(`'${value}' is not one of ${values.join(", ")}`);
        return (op === "!=" ? { [column]: { not: v } } : { [column]: v }) as W;
      },
    };
  },
  /** Timestamp column compared with an RFC 3339 value. */
  timestamp<W>(column: string): FilterField<W> {
    const prismaOp = { "=": "equals", "!=": "not", "<": "lt", "<=": "lte", ">": "gt", ">=": "gte" } as const;
    return {
      ops: ["=", "!=", "<", "<=", ">", ">="],
      where: (op, value, reject) => {
        if (!/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?$/.test(value)) {
          reject(`'${value}' is not an RFC 3339 timestamp`);
        }
        const date = new Date(value);
        if (Number.isNaN(date.getTime())) reject(`'${value}' is not a valid time`);
        return { [column]: { [prismaOp[op as keyof typeof prismaOp]]: date } } as W;
      },
    };
  },
};
