// Preloaded by npm run bench into each measured process: prints its peak resident memory (all threads) on exit.
const fs = require('node:fs');
process.on('exit', () => fs.writeSync(2, `\nBENCH_MAX_RSS_KB ${process.resourceUsage().maxRSS}\n`));
