import { type ChildProcess, fork } from 'node:child_process';
import path from 'node:path';
import type { WorkerEndpoint } from '../core/worker/protocol';
import { wireReader } from '../core/worker/wire';
import { PARSE_PROCESS_ENV } from './parseProcessEnv';


/**
 * Starts the bundled parse worker (dist/worker.js) as a child process of its own rather than a thread of the
 * extension host's, so that neither its parsing nor its garbage collections run in the extension host's process. On
 * Linux it also gets a session of its own: with the kernel's autogroup scheduling (the default on most
 * distributions), the processor is shared between sessions first, and the extension host's thread no longer competes
 * with the scan inside its own session's share.
 */
export function spawnNodeProcess(file = path.join(__dirname, 'worker.js'), options: { /** The program that runs it (the extension host's own, by default). */ execPath?: string } = {}): WorkerEndpoint & { readonly pid: number | undefined } {
  const child = fork(file, [], {
    serialization: 'advanced',
    execPath: options.execPath ?? process.execPath,
    detached: process.platform === 'linux',
    execArgv: [],
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    env: { ...process.env, ELECTRON_RUN_AS_NODE: '1', [PARSE_PROCESS_ENV]: '1' },
  });
  const stderr = lastOutput(child);
  let ended = false;
  return {
    pid: child.pid,
    post: (request) => {
      if (!ended && child.connected) child.send(request);
    },
    onMessage: (listener) => child.on('message', wireReader(listener)),
    onError: (listener) => {
      child.on('error', listener);
      child.on('exit', (code, signal) => {
        if (ended) return;
        ended = true;
        const why = signal ? `was stopped by ${signal}` : `exited with code ${code}`;
        listener(new Error(`the parse process ${why}${stderr() ? `: ${stderr()}` : ''}`));
      });
    },
    terminate: () => {
      ended = true;
      child.kill('SIGKILL');
    },
  };
}

/** The end of what the process wrote to its standard error, for the message when it dies. */
function lastOutput(child: ChildProcess): () => string {
  let tail = '';
  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', (chunk: string) => {
    tail = (tail + chunk).slice(-2000);
  });
  return () => tail.trim().split('\n').slice(-3).join(' ');
}
