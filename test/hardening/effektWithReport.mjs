// `effekt` as bin/effekt runs it, plus `report` when main.ts does not register it yet (for the kill tests).
// Errors are handled as in src/cli/main.ts: user errors print one line and exit 2 (1 for a verify mismatch).
const { buildProgram } = await import("../../dist/src/cli/main.js");
const { registerReport } = await import("../../dist/src/cli/report.js");
const program = await buildProgram();
if (!program.commands.some((c) => c.name() === "report")) registerReport(program);
program.exitOverride();
try {
  await program.parseAsync(process.argv);
} catch (err) {
  if (err && typeof err.exitCode === "number" && err.name !== "CommanderError") {
    process.stderr.write(`effekt: ${err.message}\n`);
    process.exitCode = err.exitCode;
  } else if (err && err.name === "CommanderError") {
    process.exitCode = err.exitCode === 0 ? 0 : 2;
  } else {
    throw err;
  }
}
