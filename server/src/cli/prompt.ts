import readline from 'node:readline';
import { readAllStdin } from './runtime';

/** Piped stdin (scripts, tests) gives the password as its first line; a terminal gets a hidden prompt. */
export async function readPassword(question: string): Promise<string> {
  if (!process.stdin.isTTY) return (await readAllStdin()).split(/\r?\n/)[0] ?? '';
  const rl = readline.createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  const output = rl as unknown as { _writeToOutput: (s: string) => void };
  let prompted = false;
  output._writeToOutput = (s: string) => {
    // Echo the question once, then nothing: the password never appears on screen.
    if (!prompted) {
      process.stdout.write(s);
      prompted = true;
    }
  };
  const answer = await new Promise<string>((resolve) => rl.question(question, resolve));
  rl.close();
  process.stdout.write('\n');
  return answer;
}
