import { shortensBudget } from '../../../src/core/limits';
import type { ParseRequest, WorkerEndpoint, WorkerRequest, WorkerResponse } from '../../../src/core/worker/protocol';

/**
 * A worker that loads at once and answers every parse request after `delayMs` with an empty bank;
 * `seen` hears each request when it starts and when it is answered. Like a real worker, it says at once when a
 * text is nested hundreds deep (its budget is then the base one).
 */
export function delayedEndpoint(delayMs: number, seen?: (request: ParseRequest, at: 'start' | 'end') => void): WorkerEndpoint {
  const listeners: ((response: WorkerResponse) => void)[] = [];
  const timers = new Set<ReturnType<typeof setTimeout>>();
  setTimeout(() => listeners.forEach((l) => l({ type: 'ready' })), 0);
  return {
    post: (request: WorkerRequest) => {
      if (request.type !== 'parse') return;
      seen?.(request, 'start');
      if (shortensBudget(request.text)) setTimeout(() => listeners.forEach((l) => l({ type: 'nested', id: request.id })), 0);
      const timer = setTimeout(() => {
        timers.delete(timer);
        seen?.(request, 'end');
        listeners.forEach((l) => l({ type: 'parsed', id: request.id, key: request.key, version: request.version, bank: { principles: [], hasStories: false }, how: 'full' }));
      }, delayMs);
      timers.add(timer);
    },
    onMessage: (listener) => void listeners.push(listener),
    onError: () => undefined,
    terminate: () => timers.forEach(clearTimeout),
  };
}
