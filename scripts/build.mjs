// Bundles the extension (Node host), the CLI and the webview script with esbuild.
import * as esbuild from 'esbuild';
import fs from 'node:fs';

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');

const common = {
  bundle: true,
  sourcemap: !production,
  minify: production,
  logLevel: 'info',
  target: 'node20',
};

const builds = [
  { ...common, entryPoints: ['src/extension.ts'], outfile: 'dist/extension.js', platform: 'node', format: 'cjs', external: ['vscode'] },
  {
    ...common,
    entryPoints: ['src/cli/main.ts'],
    outfile: 'dist/cli.js',
    platform: 'node',
    format: 'cjs',
    banner: { js: '#!/usr/bin/env node' },
    define: { STAR_ANSWERS_VERSION: JSON.stringify(JSON.parse(fs.readFileSync('package.json', 'utf8')).version) },
  },
];
// Optional entry points appear as features land.
// The webview script lands in media/ because the preview may load nothing from elsewhere.
if (fs.existsSync('src/webview/preview.ts')) {
  builds.push({ ...common, entryPoints: ['src/webview/preview.ts'], outfile: 'media/dist/preview.js', platform: 'browser', format: 'iife', target: 'es2022' });
}
if (fs.existsSync('src/webview/practice.ts')) {
  builds.push({ ...common, entryPoints: ['src/webview/practice.ts'], outfile: 'media/dist/practice.js', platform: 'browser', format: 'iife', target: 'es2022' });
}
if (fs.existsSync('test/integration')) {
  const tests = fs.readdirSync('test/integration').filter((f) => f.endsWith('.ts')).map((f) => `test/integration/${f}`);
  if (tests.length) {
    builds.push({ ...common, entryPoints: tests, outdir: 'out/integration', platform: 'node', format: 'cjs', external: ['vscode', 'mocha'] });
  }
}

if (production) {
  // No stale source maps of a development build in the package.
  for (const dir of ['dist', 'media/dist']) {
    if (fs.existsSync(dir)) for (const f of fs.readdirSync(dir)) if (f.endsWith('.map')) fs.rmSync(`${dir}/${f}`);
  }
}

if (watch) {
  for (const options of builds) await (await esbuild.context(options)).watch();
} else {
  await Promise.all(builds.map((options) => esbuild.build(options)));
  if (fs.existsSync('dist/cli.js')) fs.chmodSync('dist/cli.js', 0o755);
}
