import type { BankFile, Question } from '../model';
import { runStepsSliced } from '../slices';
import { runSteps } from '../steps';
import { principleHeaders, withStories, type ReadPatch } from './patch';
import type { ParseResponse, WorkerResponse } from './protocol';

/**
 * A worker's message as it crosses to the host. The bank of a parsed answer (most of what the host keeps of a story
 * bank) goes as JSON text: JSON.parse builds each object with its fields in place and shares short strings
 * ("situation", "bold"), where structured clone built objects with their fields kept apart and a copy of every string.
 * The bank is plain data (no undefined field, no NaN), so the text reads back to the same bank.
 *
 * A bank of more than STORIES_PER_PART stories goes in parts: its principles without their stories (`bankHead`, each
 * with how many it holds), then the stories, STORIES_PER_PART to a text. The host reads one part at a time and gives
 * its thread back between them: one JSON.parse of a file of thousands of stories held it for tens of milliseconds.
 * Between processes and threads the parts travel as messages of their own (`toWireMessages`, `wireReader`): Node
 * copies and decodes a message in one go on the receiving thread (44 ms of the extension host's for the 4 MB answer
 * of a 1.2 MB file, in a profiled editor bench), and a part costs a fraction of that.
 */
export type WireMessage = WorkerResponse | (Omit<ParseResponse, 'bank'> & { bankJson: string }) | PartedMessage | StoryPartMessage;

/** A bank in parts; `partsToCome`: how many parts follow in messages of their own (then `storyParts` starts empty). */
type PartedMessage = Omit<ParseResponse, 'bank'> & { bankHead: string; storyParts: string[]; partsToCome?: number };

/** One part of the stories of the answer to request `id`. */
export interface StoryPartMessage {
  type: 'storyPart';
  id: number;
  part: string;
}

type BankHead = Omit<BankFile, 'principles'> & { principles: ReadPatch['principles'] };

export const STORIES_PER_PART = 400;

export function toWire(message: WorkerResponse): WireMessage {
  if (message.type !== 'parsed' || !message.bank.principles.length) return message;
  const { bank, ...rest } = message;
  const stories = bank.principles.flatMap((p) => p.questions);
  if (stories.length <= STORIES_PER_PART) return { ...rest, bankJson: JSON.stringify(bank) };
  const head: BankHead = { ...bank, principles: principleHeaders(bank) };
  const storyParts: string[] = [];
  for (let at = 0; at < stories.length; at += STORIES_PER_PART) storyParts.push(JSON.stringify(stories.slice(at, at + STORIES_PER_PART)));
  return { ...rest, bankHead: JSON.stringify(head), storyParts };
}

/** The messages a worker posts for one of its messages: a bank in parts as its head, then a message for each part. */
export function toWireMessages(message: WorkerResponse): WireMessage[] {
  const wire = toWire(message);
  if (!('storyParts' in wire)) return [wire];
  const { storyParts, ...head } = wire;
  return [{ ...head, storyParts: [], partsToCome: storyParts.length }, ...storyParts.map((part): StoryPartMessage => ({ type: 'storyPart', id: wire.id, part }))];
}

/**
 * The host's side of `toWireMessages` for one worker: hands `listener` each message as the worker sent it, a bank in
 * parts once its last part has come (see deliverFromWire). The messages of one worker arrive in the order it posted
 * them; a part of no head known is dropped.
 */
export function wireReader(listener: (message: WorkerResponse) => void): (message: WireMessage) => void {
  const waiting = new Map<number, PartedMessage>();
  return (message) => {
    if (message.type === 'storyPart') {
      const head = waiting.get(message.id);
      if (!head) return;
      head.storyParts.push(message.part);
      if (head.storyParts.length < (head.partsToCome ?? 0)) return;
      waiting.delete(message.id);
      return deliverFromWire(head, listener);
    }
    if ('storyParts' in message && message.storyParts.length < (message.partsToCome ?? 0)) return void waiting.set(message.id, message);
    deliverFromWire(message, listener);
  };
}

/** The message as the worker sent it, read in one go. */
export function fromWire(message: WireMessage): WorkerResponse {
  return runSteps(fromWireSteps(message));
}

/**
 * Hands the host each message as the worker sent it: at once, or, for a bank in parts, once its parts are read, a part
 * every few milliseconds of the thread (the pool starts that worker's next file only then: it waits for the answer).
 */
export function deliverFromWire(message: WireMessage, listener: (message: WorkerResponse) => void): void {
  if (!('storyParts' in message)) return listener(fromWire(message));
  const { id, key, version } = message;
  void runStepsSliced(fromWireSteps(message)).then(listener, (error: unknown) =>
    listener({ type: 'error', id, key, version, message: `the worker's answer could not be read: ${error instanceof Error ? error.message : String(error)}` }),
  );
}

function* fromWireSteps(message: WireMessage): Generator<void, WorkerResponse> {
  if ('bankJson' in message) {
    const { bankJson, ...rest } = message;
    return { ...rest, bank: JSON.parse(bankJson) as BankFile };
  }
  if (message.type === 'storyPart') throw new Error('a part of a bank arrived without its head');
  if (!('storyParts' in message)) return message;
  const { bankHead, storyParts, partsToCome: _partsToCome, ...rest } = message;
  const head = JSON.parse(bankHead) as BankHead;
  const stories: Question[] = [];
  for (const part of storyParts) {
    yield;
    for (const story of JSON.parse(part) as Question[]) stories.push(story);
  }
  return { ...rest, bank: { ...head, principles: withStories(head.principles, stories) } };
}
