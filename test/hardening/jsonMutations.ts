import fc from "fast-check";

/** Ways a hand-edited JSON file (an analysis spec, a gains model, a plan) goes wrong. */
export type JsonMutation =
  | { kind: "truncate"; at: number }
  | { kind: "insert"; at: number; text: string }
  | { kind: "number"; which: number; value: string }
  | { kind: "string"; which: number; value: string }
  | { kind: "dropLine"; which: number }
  | { kind: "bom" };

const NASTY_NUMBERS = ["1e309", "-1e309", "NaN", "-0", "0", "-1", "1e308", "null", '"3"', "true", "[]", "{}", "0.1e-400", "99999999999999999999", "2.5", "-1e-12"];
const NASTY_STRINGS = ['""', '"=HYPERLINK(\\"http://x\\")"', '"010190-1234"', '"31-02-2025"', '"2025-02-30"', '"\\u0000"', `"${"x".repeat(5000)}"`, "1", "null", '"effekt-gains-model/2"', '"NaN"', '"-"'];
const fraction = fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true });

export const jsonMutation: fc.Arbitrary<JsonMutation> = fc.oneof(
  fc.record({ kind: fc.constant("truncate" as const), at: fraction }),
  fc.record({ kind: fc.constant("insert" as const), at: fraction, text: fc.constantFrom(",", "}", "]", '"', "{", "\u0000", "\n", "//") }),
  { weight: 4, arbitrary: fc.record({ kind: fc.constant("number" as const), which: fraction, value: fc.constantFrom(...NASTY_NUMBERS) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant("string" as const), which: fraction, value: fc.constantFrom(...NASTY_STRINGS) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("dropLine" as const), which: fraction }) },
  fc.record({ kind: fc.constant("bom" as const) }),
) as fc.Arbitrary<JsonMutation>;

function replaceNth(text: string, re: RegExp, which: number, value: string, group = 0): string {
  const matches = [...text.matchAll(re)];
  if (matches.length === 0) return text;
  const m = matches[Math.floor(which * matches.length)];
  const start = m.index! + (group ? m[0].indexOf(m[group]) : 0);
  const len = group ? m[group].length : m[0].length;
  return text.slice(0, start) + value + text.slice(start + len);
}

export function applyJson(text: string, m: JsonMutation): string {
  switch (m.kind) {
    case "truncate":
      return text.slice(0, Math.floor(m.at * (text.length + 1)));
    case "insert": {
      const at = Math.floor(m.at * (text.length + 1));
      return text.slice(0, at) + m.text + text.slice(at);
    }
    case "number":
      return replaceNth(text, /(?<=[:\[,]\s*)-?\d+(\.\d+)?([eE][-+]?\d+)?(?=\s*[,\]}])/g, m.which, m.value);
    case "string":
      return replaceNth(text, /(?<=:\s*)"(?:[^"\\]|\\.)*"/g, m.which, m.value);
    case "dropLine": {
      const lines = text.split("\n");
      lines.splice(Math.floor(m.which * lines.length), 1);
      return lines.join("\n");
    }
    case "bom":
      return `\uFEFF${text}`;
  }
}

export const jsonMutations = fc.array(jsonMutation, { minLength: 1, maxLength: 3 });
export function mutateJson(text: string, ms: JsonMutation[]): string {
  return ms.reduce(applyJson, text);
}
