import { writeSync } from 'node:fs';

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  cwd: string;
}

/**
 * Writes to a standard stream's descriptor directly: Node loads its stream machinery when process.stdout is first
 * touched, a few milliseconds of a run that replays its last answer (about 60 ms in all). A descriptor that would
 * block, or any other failure but a reader gone away, sends the rest and everything after it through the stream, so
 * that the order of the output holds.
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

// On Windows the stream converts for the console, whose code page need not be UTF-8: bytes written directly would not.
const direct = process.platform !== 'win32';

export const nodeIo: CliIo = {
  stdout: direct ? descriptorWriter(1, () => process.stdout) : (text) => void process.stdout.write(text),
  stderr: direct ? descriptorWriter(2, () => process.stderr) : (text) => void process.stderr.write(text),
  cwd: process.cwd(),
};
