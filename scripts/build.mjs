// Bundles with esbuild: the extension for the desktop (Node) and the web (web worker) extension hosts,
// the webview script, the command-line tool (packages/cli) and the integration tests.
//   node scripts/build.mjs [--production] [--watch] [--only extension,worker,web,webWorker,webview,cli,tests]
// --production minifies, drops source maps and writes out/bundle-report.md: what each bundle weighs,
// by package (from esbuild's metafile), with a summary on stdout.
import * as esbuild from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');
const onlyArg = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length);
const only = onlyArg ? new Set(onlyArg.split(',')) : undefined;
const version = JSON.parse(fs.readFileSync('package.json', 'utf8')).version;

const common = {
  bundle: true,
  // micromark's entity look-up answered by parse5, already bundled, instead of the 35 KB character-entities table.
  alias: { 'decode-named-character-reference': './src/core/parser/namedCharacterReference.ts' },
  sourcemap: !production,
  minify: production,
  metafile: production,
  logLevel: production ? 'warning' : 'info',
  target: 'node20',
};

/** What a bundle for the web worker extension host may load: nothing but the `vscode` module. */
const webOptions = {
  platform: 'browser',
  format: 'cjs',
  target: 'es2022',
  external: ['vscode'],
  // The "worker" condition first: some packages' "browser" builds use the DOM, which a web worker has not.
  conditions: ['worker'],
  define: { 'process.env.NODE_ENV': '"production"' },
};

const builds = {
  // The markdown pipeline is in dist/worker.js: the parse worker, and what the extension loads on first use
  // (the renderer of preview, practice and HTML export, the completion probes: src/features/shared/lazy.ts).
  extension: { ...common, entryPoints: ['src/extension.ts'], outfile: 'dist/extension.js', platform: 'node', format: 'cjs', external: ['vscode', './worker.js'], plugins: [oneVscodeNamespace()] },
  worker: { ...common, entryPoints: ['src/worker/desktop.ts'], outfile: 'dist/worker.js', platform: 'node', format: 'cjs' },
  // The web build: no markdown pipeline either. dist/web/worker.js is the parse worker (a nested Web Worker,
  // src/worker/web.ts), and what the extension loads on first use (src/features/shared/lazy.web.ts).
  web: { ...common, ...webOptions, entryPoints: ['src/extension.ts'], outfile: 'dist/web/extension.js', plugins: [webVariants(), oneVscodeNamespace()] },
  // An IIFE: a worker loads it with importScripts(), the extension evaluates it and takes `starAnswersWorker`.
  webWorker: { ...common, ...webOptions, format: 'iife', globalName: 'starAnswersWorker', entryPoints: ['src/worker/web.ts'], outfile: 'dist/web/worker.js' },
  // The webview scripts (preview, practice) land in media/ because a webview may load nothing from elsewhere.
  webview: {
    ...common,
    entryPoints: ['src/webview/preview.ts', 'src/webview/practice.ts'].filter((f) => fs.existsSync(f)),
    outdir: 'media/dist',
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
  },
  // cli.js only picks the command; each command is a bundle of its own beside it, loaded when it runs, so
  // that lint and outline (which parse in worker threads) never load the markdown pipeline export needs.
  cli: {
    ...common,
    entryPoints: { cli: 'src/cli/main.ts', lint: 'src/cli/lint.ts', outline: 'src/cli/outline.ts', export: 'src/cli/export.ts' },
    outdir: 'packages/cli/dist',
    plugins: [cliCommandsApart()],
    // import() of a command becomes require(): Node's import() of a CommonJS file first scans it for its
    // exports (cjs-module-lexer), a third of a warm run's own time.
    supported: { 'dynamic-import': false },
    platform: 'node',
    // ESM first: jsonc-parser's "main" is a UMD build whose require() calls a bundler cannot follow.
    mainFields: ['module', 'main'],
    format: 'cjs',
    // Some ESM dependencies (fdir, under tinyglobby) call createRequire(import.meta.url), which a CommonJS bundle lacks.
    banner: { js: "#!/usr/bin/env node\nconst __importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
    define: { STAR_ANSWERS_VERSION: JSON.stringify(version), 'import.meta.url': '__importMetaUrl' },
  },
  // The CLI's parse workers, beside it in the package.
  cliWorker: { ...common, entryPoints: ['src/worker/node.ts'], outfile: 'packages/cli/dist/worker.js', platform: 'node', format: 'cjs' },
};
if (fs.existsSync('test/integration') && !production) {
  const tests = fs.readdirSync('test/integration').filter((f) => f.endsWith('.ts')).map((f) => `test/integration/${f}`);
  if (tests.length) builds.tests = { ...common, entryPoints: tests, outdir: 'out/integration', platform: 'node', format: 'cjs', external: ['vscode', 'mocha'] };
}
if (fs.existsSync('test/integration/web/index.ts') && !production) {
  builds.webTests = {
    ...common,
    ...webOptions,
    entryPoints: ['test/integration/web/index.ts'],
    outfile: 'out/web-integration/index.js',
    // The web worker has no `process`: what the tests read of it, as the harness sets it on the desktop.
    banner: { js: 'var process = { env: { STAR_TEST_ROUTE: "web-worker" }, versions: {}, platform: "web" };' },
    plugins: [nodeForTheWeb()],
  };
}
const selected = Object.entries(builds).filter(([name]) => !only || only.has(name));

if (production) {
  // No stale source maps of a development build in the packages.
  for (const dir of ['dist', 'dist/web', 'media/dist', 'packages/cli/dist']) {
    if (fs.existsSync(dir)) for (const f of fs.readdirSync(dir)) if (f.endsWith('.map')) fs.rmSync(`${dir}/${f}`);
  }
}

if (watch) {
  for (const [, options] of selected) await (await esbuild.context(options)).watch();
} else {
  const results = await Promise.all(selected.map(([, options]) => esbuild.build(options)));
  if (fs.existsSync('packages/cli/dist/cli.js')) fs.chmodSync('packages/cli/dist/cli.js', 0o755);
  if (!only || only.has('cli')) syncCliPackage();
  for (const name of ['web', 'webWorker']) if (selected.some(([n]) => n === name)) checkWebBundle(builds[name].outfile);
  for (const name of ['extension', 'web']) if (selected.some(([n]) => n === name)) checkOneVscodeNamespace(builds[name].outfile);
  if (production) report(selected.map(([name], i) => [name, results[i].metafile]));
  if (production && selected.some(([name]) => name === 'web')) checkWebExtensionWeight(results[selected.findIndex(([name]) => name === 'web')].metafile);
}

/**
 * Every module's `import * as vscode from 'vscode'` would copy the whole API object's properties into a
 * namespace of its own when the bundle loads (esbuild's CommonJS interop, once per importing module);
 * through one internal module that re-exports it, the copy is made once.
 */
function oneVscodeNamespace() {
  return {
    name: 'one-vscode-namespace',
    setup(build) {
      build.onResolve({ filter: /^vscode$/ }, (args) => (args.namespace === 'vscode-once' ? { path: 'vscode', external: true } : { path: 'vscode', namespace: 'vscode-once' }));
      build.onLoad({ filter: /.*/, namespace: 'vscode-once' }, () => ({ contents: "export * from 'vscode';", loader: 'js' }));
    },
  };
}

/** For the tests' bundle only: node:assert is the npm `assert` package, fs and path (screenshots, unused on the web) are empty. */
function nodeForTheWeb() {
  return {
    name: 'node-for-the-web',
    setup(build) {
      build.onResolve({ filter: /^node:assert$/ }, (args) => build.resolve('assert/', { kind: args.kind, resolveDir: args.resolveDir }));
      build.onResolve({ filter: /^node:(fs|path)$/ }, (args) => ({ path: args.path, namespace: 'empty' }));
      build.onLoad({ filter: /.*/, namespace: 'empty' }, () => ({ contents: 'module.exports = {};', loader: 'js' }));
    },
  };
}

/** Modules with a `.web.ts` twin (same exports, no second file or thread of Node) take the twin in the web build. */
/** In the CLI's build: main.ts loads each command's bundle at run time, and no command falls back to parsing in-process. */
function cliCommandsApart() {
  return {
    name: 'cli-commands-apart',
    setup(build) {
      build.onResolve({ filter: /^\.\/(lint|outline|export)$/ }, (args) => (args.importer.endsWith(path.join('src', 'cli', 'main.ts')) ? { path: `${args.path}.js`, external: true } : undefined));
      build.onResolve({ filter: /\/defaultSpawner$/ }, (args) => ({ path: path.join(args.resolveDir, `${args.path}.bundled.ts`) }));
    },
  };
}

function webVariants() {
  return {
    name: 'web-variants',
    setup(build) {
      build.onResolve({ filter: /\/(lazy|parserHost|diskFiles)$/ }, (args) => ({ path: `${args.resolveDir}/${args.path}.web.ts` }));
    },
  };
}

/** The CLI package carries the repository's version and licence. */
function syncCliPackage() {
  const file = 'packages/cli/package.json';
  const pkg = JSON.parse(fs.readFileSync(file, 'utf8'));
  if (pkg.version !== version) {
    pkg.version = version;
    fs.writeFileSync(file, `${JSON.stringify(pkg, null, 2)}\n`);
  }
  fs.copyFileSync('LICENSE', 'packages/cli/LICENSE');
}

/** The web worker extension host has no Node: a require() of anything but `vscode` would fail at activation. */
function checkWebBundle(file) {
  const text = fs.readFileSync(file, 'utf8');
  const required = [...text.matchAll(/\brequire\(\s*["'`]([^"'`]+)["'`]\s*\)/g)].map((m) => m[1]).filter((m) => m !== 'vscode');
  if (required.length) {
    console.error(`${file} requires ${[...new Set(required)].join(', ')}: the web extension may load nothing but "vscode"`);
    process.exit(1);
  }
}

/** The plugin above did its work: the API is required, and its properties copied, once (see oneVscodeNamespace). */
function checkOneVscodeNamespace(file) {
  const count = fs.readFileSync(file, 'utf8').match(/\brequire\(\s*["'`]vscode["'`]\s*\)/g)?.length ?? 0;
  if (count !== 1) {
    console.error(`${file} requires "vscode" ${count} times: every module should import it through the one namespace`);
    process.exit(1);
  }
}

/** Issue 13's limit on what the web extension host loads at activation, and no markdown pipeline in it (the worker has it). */
function checkWebExtensionWeight(metafile) {
  const MAX_BYTES = 300 * 1024;
  const [outfile, output] = Object.entries(metafile.outputs).find(([f]) => f.endsWith('.js'));
  const pipeline = Object.keys(output.inputs).filter((input) => /node_modules\/(micromark|mdast-util-from-markdown|parse5|hast-util-raw|unified|remark-parse)/.test(input));
  if (pipeline.length) {
    console.error(`${outfile} holds the markdown pipeline (${pipeline.slice(0, 3).join(', ')}…): it belongs in dist/web/worker.js`);
    process.exit(1);
  }
  if (output.bytes > MAX_BYTES) {
    console.error(`${outfile} weighs ${kb(output.bytes)}, over the ${kb(MAX_BYTES)} limit: see out/bundle-report.md`);
    process.exit(1);
  }
}

/** out/bundle-report.md: each bundle's size and the packages (or source folders) that make it up. */
function report(metafiles) {
  const lines = ['# Bundle sizes', '', `Production build (minified) of ${version}, measured by esbuild's metafile.`, ''];
  const summary = [];
  for (const [name, metafile] of metafiles) {
    for (const [outfile, output] of Object.entries(metafile.outputs)) {
      if (outfile.endsWith('.map')) continue;
      const byOwner = new Map();
      for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
        const owner = ownerOf(input);
        byOwner.set(owner, (byOwner.get(owner) ?? 0) + bytesInOutput);
      }
      const owners = [...byOwner].sort((a, b) => b[1] - a[1]);
      duplicates(outfile, output.inputs);
      lines.push(`## ${name}: ${outfile}, ${kb(output.bytes)}`, '', '| from | size | share |', '|---|---:|---:|');
      for (const [owner, bytes] of owners) lines.push(`| ${owner} | ${kb(bytes)} | ${((100 * bytes) / output.bytes).toFixed(1)} % |`);
      lines.push('');
      summary.push(`${name.padEnd(10)} ${kb(output.bytes).padStart(9)}  ${outfile}  (largest: ${owners.slice(0, 3).map(([o, b]) => `${o} ${kb(b)}`).join(', ')})`);
    }
  }
  fs.mkdirSync('out', { recursive: true });
  fs.writeFileSync('out/bundle-report.md', `${lines.join('\n')}\n`);
  console.log(`Bundle sizes (minified; details by package in out/bundle-report.md):\n${summary.map((s) => `  ${s}`).join('\n')}`);
}

/** Two copies of one package of some weight (over 4 KB) in a bundle, as npm could not share one version: fail, naming them. */
function duplicates(outfile, inputs) {
  const folders = new Map();
  for (const [input, { bytesInOutput }] of Object.entries(inputs)) {
    const m = /^(.*node_modules\/((?:@[^/]+\/)?[^/]+))\//.exec(input);
    if (!m) continue;
    if (!folders.has(m[2])) folders.set(m[2], new Map());
    const dirs = folders.get(m[2]);
    dirs.set(m[1], (dirs.get(m[1]) ?? 0) + bytesInOutput);
  }
  const twice = [...folders].filter(([, dirs]) => dirs.size > 1 && Math.min(...dirs.values()) > 4096);
  if (twice.length) {
    console.error(`${outfile} holds two copies of ${twice.map(([name, dirs]) => `${name} (${[...dirs.keys()].join(', ')})`).join('; ')}: align the versions in package.json`);
    process.exit(1);
  }
}

/** "node_modules/a/node_modules/b/x.js" belongs to package b; our own files to their folder under src/. */
function ownerOf(input) {
  const parts = input.split('/');
  const last = parts.lastIndexOf('node_modules');
  if (last >= 0) return parts[last + 1].startsWith('@') ? `${parts[last + 1]}/${parts[last + 2]}` : parts[last + 1];
  return parts.slice(0, Math.min(parts.length - 1, 3)).join('/') || input;
}

function kb(bytes) {
  return `${(bytes / 1024).toFixed(1)} KB`;
}
