/** Set to `1` in a parse process's environment: dist/worker.js then answers on its IPC channel (see ./node). */
export const PARSE_PROCESS_ENV = 'STAR_ANSWERS_PARSE_PROCESS';
