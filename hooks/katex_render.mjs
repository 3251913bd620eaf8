// Typeset TeX with KaTeX for hooks/math_render.py: one process for a whole build.
//
// Protocol, one JSON document per line:
//   out, once at start:  {"katex": "<version>"}
//   in:                  [[tex, display], ...]          (a batch, e.g. one page's math)
//   out:                 [{"html": "...", "warnings"?: [...]} | {"error": "..."}, ...]   (same order)
//
// Every expression is rendered with throwOnError, so a TeX error comes back as
// {"error": message} for the hook to report with its page; the process goes on.
// Input KaTeX renders but LaTeX would not take (KaTeX's "strict" checks, such
// as Unicode text in math mode) comes back as warnings beside the HTML.
// Output is HTML for the eye beside MathML for assistive technology.

import { createInterface } from "node:readline";
import katex from "katex";

export const OPTIONS = { output: "htmlAndMathml", throwOnError: true };

function render([tex, display]) {
  const warnings = [];
  const strict = (code, message) => {
    warnings.push(`${message} [${code}]`);
    return "ignore";
  };
  try {
    const html = katex.renderToString(tex, { ...OPTIONS, strict, displayMode: Boolean(display) });
    return warnings.length ? { html, warnings } : { html };
  } catch (error) {
    return { error: error instanceof katex.ParseError ? error.message : String(error) };
  }
}

process.stdout.write(JSON.stringify({ katex: katex.version }) + "\n");
const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
for await (const line of lines) {
  if (line.trim()) process.stdout.write(JSON.stringify(JSON.parse(line).map(render)) + "\n");
}
