// Runs the project's own wrangler (node_modules) as a child process and collects its stdout.

import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';

export function runWrangler(args: string[]): Promise<string> {
  const wrangler = createRequire(import.meta.url).resolve('wrangler/bin/wrangler.js');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [wrangler, ...args], { env: { ...process.env, WRANGLER_SEND_METRICS: 'false' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '',
      stderr = '';
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
    });
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
    });
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(stdout) : reject(new Error((stderr || stdout).trim() || `exit code ${code}`))));
  });
}
