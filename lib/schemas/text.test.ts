import { describe, expect, it } from "vitest";
import { WorkspaceCreateInput, WorkspaceStateChangeInput } from "./workspaces";
import { multilineText, text, textProblem } from "./text";

describe("textProblem", () => {
  it.each([
    ["NUL", "a\u0000b", /control character U\+0000 \(at position 2\)/],
    ["ESC", "\u001b[31m", /U\+001B/],
    ["DEL", "a\u007f", /U\+007F/],
    ["C1 NEL", "a\u0085", /U\+0085/],
    ["tab on one line", "a\tb", /U\+0009/],
    ["newline on one line", "a\nb", /U\+000A/],
    ["lone high surrogate", "a\ud800", /unpaired UTF-16 surrogate U\+D800/],
    ["lone low surrogate", "\udc00a", /unpaired UTF-16 surrogate U\+DC00 \(at position 1\)/],
    ["reversed pair", "\udc00\ud800", /unpaired/],
    ["RLO", "abc\u202Eexe", /bidirectional control character U\+202E/],
    ["LRE", "\u202A", /U\+202A/],
    ["FSI", "\u2068x", /U\+2068/],
    ["PDI", "x\u2069", /U\+2069/],
  ])("refuses %s", (_, value, message) => {
    expect(textProblem(value)).toMatch(message);
  });

  it.each([
    ["plain", "Production"],
    ["emoji with ZWJ and skin tone", "👩🏽‍💻 team"],
    ["astral letters (paired surrogates)", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢"],
    ["Hebrew and Arabic", "שלום مرحبا"],
    ["LRM/RLM marks (not overrides)", "a\u200Eb\u200Fc"],
    ["empty", ""],
  ])("accepts %s", (_, value) => {
    expect(textProblem(value)).toBeUndefined();
  });

  it("multi-line text allows tab, newline and CR, nothing else", () => {
    expect(textProblem("a\tb\nc\r\nd", { multiline: true })).toBeUndefined();
    expect(textProblem("a\nb\u0000", { multiline: true })).toMatch(/U\+0000/);
    expect(textProblem("a\u000bb", { multiline: true })).toMatch(/U\+000B.*only tab and newline/);
  });
});

describe("the text schemas", () => {
  it("names the field and stops at the first problem", () => {
    const r = text("title").max(3).safeParse("a\u0000bcdef");
    expect(r.success).toBe(false);
    expect(r.error!.issues).toHaveLength(1);
    expect(r.error!.issues[0].message).toMatch(/^title must not contain the control character U\+0000/);
  });

  it("keeps accepted text exactly as sent", () => {
    expect(multilineText("description").parse("x\n\ty")).toBe("x\n\ty");
  });

  it("every string of the workspace inputs passes the check", () => {
    const bad = "x\ud800";
    const fields = (input: Record<string, unknown>) => {
      const r = WorkspaceCreateInput.safeParse({ title: "ok", ...input });
      return r.success ? [] : r.error.issues.map((i) => i.path.join("."));
    };
    expect(fields({ title: bad })).toEqual(["title"]);
    expect(fields({ description: bad })).toEqual(["description"]);
    expect(fields({ workspace_icon: bad })).toEqual(["workspace_icon"]);
    expect(fields({ workspace_icon_color: bad })).toEqual(["workspace_icon_color"]);
    expect(fields({ configuration: { domain: bad } })).toEqual(["configuration.domain"]);
    expect(WorkspaceStateChangeInput.safeParse({ comment: "a\u202Eb" }).error?.issues.map((i) => i.path.join("."))).toEqual(["comment"]);
    expect(WorkspaceStateChangeInput.parse({ comment: "two\nlines" }).comment).toBe("two\nlines");
  });
});
