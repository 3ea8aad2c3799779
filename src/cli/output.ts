/** Terminal output for the CLI layer. A closed pipe (`effekt ... | head`) ends output quietly. */
process.stdout.on("error", (err: NodeJS.ErrnoException) => {
  if (err.code === "EPIPE") process.exit(process.exitCode ?? 0);
  throw err;
});

export function say(line: string): void {
  process.stdout.write(`${line}\n`);
}

export function warn(line: string): void {
  process.stderr.write(`effekt: warning: ${line}\n`);
}
