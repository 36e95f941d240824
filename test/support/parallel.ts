import { spawn } from 'node:child_process';

/**
 * `node --import tsx test/support/parallel.ts typecheck lint`: runs npm scripts side by side, so
 * that single-threaded checks use both cores of a small machine, and prints each one's output
 * whole when it ends. Fails when any of them fails.
 */
interface Run {
  script: string;
  code: number;
  output: string;
}

function run(script: string): Promise<Run> {
  const child = spawn('npm', ['run', '--silent', script], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...(process.stdout.isTTY && { FORCE_COLOR: '1' }) },
    shell: process.platform === 'win32',
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  return new Promise((resolve) => {
    child.once('error', (error) => resolve({ script, code: 1, output: `${error}\n` }));
    child.once('close', (code) => resolve({ script, code: code ?? 1, output }));
  });
}

const runs = process.argv.slice(2).map(run);
for (const { script, code, output } of await Promise.all(runs)) {
  console.log(`> ${script}${code === 0 ? '' : ` (failed, exit code ${code})`}`);
  if (output) process.stdout.write(output);
  if (code !== 0) process.exitCode = 1;
}
