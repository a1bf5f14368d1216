import { nodeIo } from './io';
import { replayLastRun } from './lastRun';
import { VERSION } from './version';

// Each command is loaded when it runs: lint and outline parse in worker threads, so their process never
// loads the markdown pipeline that export (which renders on this thread) needs.
async function usage(): Promise<string> {
  const [{ OUTLINE_USAGE }, { LINT_USAGE }, { EXPORT_USAGE }] = await Promise.all([import('./outline'), import('./lint'), import('./export')]);
  return `STAR Answers: read, lint and export a STAR story bank.

${OUTLINE_USAGE}
${LINT_USAGE}
${EXPORT_USAGE}
`;
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'outline':
      return (await import('./outline')).runOutline(rest, nodeIo);
    case 'lint':
      // With --cache and nothing changed since the last such run, its answer, without loading the lint at all.
      return replayLastRun(rest, nodeIo) ?? (await import('./lint')).runLint(rest, nodeIo);
    case 'export':
      return (await import('./export')).runExport(rest, nodeIo);
    case '--help':
    case '-h':
    case 'help':
      nodeIo.stdout(await usage());
      return 0;
    case '--version':
    case '-v':
      nodeIo.stdout(`${VERSION}\n`);
      return 0;
    default:
      nodeIo.stderr(`star-answers: ${command ? `unknown command "${command}"` : 'no command given'}\n${await usage()}`);
      return 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`star-answers: internal error: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
    process.exitCode = 2;
  },
);
