import { writeSync } from 'node:fs';

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  cwd: string;
}

/**
 * Writes to a standard stream's descriptor directly: Node loads its stream machinery when process.stdout is first
 * touched, a few milliseconds of a run that replays its last answer (a run that is mostly Node's own start). A
 * descriptor that would block, or any other failure but a reader gone away, sends the rest and everything after it
 * through the stream, so that the order of the output holds.
 */
export function descriptorWriter(
  fd: number,
  stream: () => { write(chunk: string | Uint8Array): unknown },
  /** Tests: the system call. */
  write: (fd: number, bytes: Uint8Array, offset: number) => number = writeSync,
): (text: string) => void {
  let direct = true;
  let readerGone = false;
  return (text) => {
    if (readerGone) return;
    if (!direct) {
      stream().write(text);
      return;
    }
    const bytes = Buffer.from(text, 'utf8');
    let written = 0;
    try {
      while (written < bytes.length) written += write(fd, bytes, written);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EPIPE') {
        readerGone = true;
        return;
      }
      direct = false;
      stream().write(bytes.subarray(written));
    }
  };
}

/** On Windows the stream converts for the console, whose code page need not be UTF-8: bytes written directly would not. */
function standardWriter(fd: 1 | 2, stream: () => NodeJS.WriteStream): (text: string) => void {
  return process.platform === 'win32' ? (text) => void stream().write(text) : descriptorWriter(fd, stream);
}

export const nodeIo: CliIo = {
  stdout: standardWriter(1, () => process.stdout),
  stderr: standardWriter(2, () => process.stderr),
  cwd: process.cwd(),
};
