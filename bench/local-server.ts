// Starting a local Worker for load runs: a free loopback port, `wrangler dev` offline in its own
// process group, and waiting until it answers.

import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { createInterface } from 'node:readline';
import { stripVTControlCharacters } from 'node:util';
import { OFFLINE_ENV, WRANGLER } from './bundle.js';

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
      .listen(0, '127.0.0.1', () => {
        const { port } = server.address() as { port: number };
        server.close(() => resolve(port));
      })
      .on('error', reject);
  });
}

export async function waitForHealthy(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (child.exitCode !== null) throw new Error(`wrangler dev exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${url}/healthz`)).ok) return;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`the Worker did not answer ${url}/healthz within ${timeoutMs / 1000} s`);
}

export interface LocalWorker {
  url: string;
  pid: number;
  command: string;
  /** How many client disconnects wrangler dev and workerd reported so far (left out of the console: see quietDisconnects). */
  disconnects(): number;
  stop(): void;
}

// What workerd logs when a client closes a connection while an answer is being written, and what
// wrangler's proxy in front of it logs for the same (workers-sdk#8087).
const DISCONNECT = /disconnected: .*(Connection reset by peer|Broken pipe)|Uncaught Error: Network connection lost/;
/** A log line without its terminal colour codes, as the patterns above are written. */
const plain = (line: string) => stripVTControlCharacters(line).trim();

/**
 * Copies the Worker's log to our stderr without its reports of client disconnects: a load run ends
 * by closing its connections mid-answer, and each is logged as an ERROR (workerd's with a stack of
 * addresses), which buried the bench's own lines. They are counted instead; every other line passes through.
 */
function quietDisconnects(child: ChildProcess): () => number {
  let count = 0,
    skipping = false;
  createInterface({ input: child.stderr! }).on('line', (line) => {
    const text = plain(line);
    if (DISCONNECT.test(text)) {
      count++;
      skipping = true;
      return;
    }
    if (skipping && (text === '' || text.startsWith('stack:'))) return;
    skipping = false;
    process.stderr.write(`${line}\n`);
  });
  return () => count;
}

/** `wrangler dev` in `cwd` (its wrangler.toml, or `extra` naming a script), KV persisted in `state`. */
export async function startWorker(cwd: string, extra: string[], state?: string): Promise<LocalWorker> {
  const [port, inspectorPort] = [await freePort(), await freePort()];
  const args = [
    'dev',
    ...extra,
    '--ip',
    '127.0.0.1',
    '--port',
    String(port),
    '--inspector-port',
    String(inspectorPort),
    ...(state ? ['--persist-to', state] : []),
    '--log-level',
    'warn',
    '--show-interactive-dev-session=false',
  ];
  // Its own process group, so the workerd it starts is stopped with it.
  const child = spawn(process.execPath, [WRANGLER, ...args], {
    cwd,
    env: { ...process.env, ...OFFLINE_ENV },
    stdio: ['ignore', 'ignore', 'pipe'],
    detached: true,
  });
  const disconnects = quietDisconnects(child);
  const stop = () => {
    if (child.pid && child.exitCode === null)
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        /* gone */
      }
  };
  process.once('exit', stop);
  try {
    const url = `http://127.0.0.1:${port}`;
    await waitForHealthy(url, child, 120_000);
    return { url, pid: child.pid!, command: `npx wrangler ${args.join(' ').replace(state ?? '\u0000', '<tmp>')}`, disconnects, stop };
  } catch (error) {
    stop();
    throw error;
  }
}
