import { EXPORT_USAGE, runExport } from './export';
import { nodeIo } from './files';
import { LINT_USAGE, runLint } from './lint';
import { OUTLINE_USAGE, runOutline } from './outline';
import { VERSION } from './version';

const USAGE = `STAR Answers: read, lint and export a STAR story bank.

${OUTLINE_USAGE}
${LINT_USAGE}
${EXPORT_USAGE}
`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'outline':
      return runOutline(rest, nodeIo);
    case 'lint':
      return runLint(rest, nodeIo);
    case 'export':
      return runExport(rest, nodeIo);
    case '--help':
    case '-h':
    case 'help':
      nodeIo.stdout(USAGE);
      return 0;
    case '--version':
    case '-v':
      nodeIo.stdout(`${VERSION}\n`);
      return 0;
    default:
      nodeIo.stderr(`star-answers: ${command ? `unknown command "${command}"` : 'no command given'}\n${USAGE}`);
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
