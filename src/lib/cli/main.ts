// The `jiaokan` process entry (bin/jiaokan.mjs imports it through tsx): wires run() to the real
// standard streams and exit code. It never parses arguments or text itself (see run.ts).

import { run } from './run.ts';

async function readStdin(): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

// A closed pipe (`jiaokan repair x | head`) is a normal end, not an error.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(0);
  throw err;
});

// Set the exit code and let Node exit when the output is flushed (process.exit could cut a
// large piped output short).
process.exitCode = await run(process.argv.slice(2), {
  stdout: (text) => void process.stdout.write(text, 'utf8'),
  stderr: (text) => void process.stderr.write(text, 'utf8'),
  stdin: readStdin,
});
