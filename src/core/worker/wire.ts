import type { BankFile } from '../model';
import type { ParseResponse, WorkerResponse } from './protocol';

/**
 * A worker's message as it crosses to the host. The bank of a parsed answer (most of what the host keeps of a story
 * bank) goes as JSON text: JSON.parse builds each object with its fields in place and shares short strings
 * ("situation", "bold"), where structured clone built objects with their fields kept apart and a copy of every string.
 * The bank is plain data (no undefined field, no NaN), so the text reads back to the same bank.
 */
export type WireMessage = WorkerResponse | (Omit<ParseResponse, 'bank'> & { bankJson: string });

export function toWire(message: WorkerResponse): WireMessage {
  if (message.type !== 'parsed' || !message.bank.principles.length) return message;
  const { bank, ...rest } = message;
  return { ...rest, bankJson: JSON.stringify(bank) };
}

export function fromWire(message: WireMessage): WorkerResponse {
  if (!('bankJson' in message)) return message;
  const { bankJson, ...rest } = message;
  return { ...rest, bank: JSON.parse(bankJson) as BankFile };
}
