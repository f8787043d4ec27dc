// Runs each benchmark in its own process (so one's memory does not skew another's) and writes
// the table to docs/benchmarks.md together with the machine it ran on. Arguments narrow the run
// to the files whose path contains one of them; the other files' sections are kept as they were.
import { execFileSync } from 'node:child_process';
import { existsSync, globSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const tsx = path.join(root, 'node_modules/.bin/tsx');
const filters = process.argv.slice(2);
const files = globSync('{packages,plugins}/*/bench/*.bench.ts', { cwd: root })
  .sort()
  .filter(f => filters.length === 0 || filters.some(part => f.includes(part)));
if (files.length === 0) {
  console.error(`No benchmark file matches ${filters.join(', ')}`);
  process.exit(1);
}

const sections = [];
let failures = 0;
for (const file of files) {
  console.log(`==> ${file}`);
  try {
    const out = execFileSync(tsx, [file], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, NODE_OPTIONS: '--expose-gc --max-old-space-size=4096' },
      stdio: ['ignore', 'pipe', 'inherit'],
      maxBuffer: 64 * 1024 * 1024,
    });
    const last = out.trim().split('\n').pop();
    const { rows } = JSON.parse(last);
    sections.push({ file, rows });
    for (const r of rows) console.log(`    ${r.benchmark}: ${r.figure} (baseline ${r.baseline}, ${r.ratio})`);
  } catch (error) {
    failures += 1;
    console.error(`    failed: ${error.message.split('\n')[0]}`);
    sections.push({ file, error: error.message.split('\n')[0] });
  }
}

const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
const machine = `${cpu}, ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ` +
  `${os.type()} ${os.release()}, Node ${process.version}`;
const measured = `Measured ${new Date().toISOString()} on ${machine}.`;

const target = path.join(root, 'docs/benchmarks.md');
const previous = new Map();
if (filters.length > 0 && existsSync(target)) {
  for (const block of readFileSync(target, 'utf8').split(/^(?=## )/m).slice(1)) {
    previous.set(block.slice(3, block.indexOf('\n')).trim(), block.trimEnd());
  }
}
for (const s of sections) {
  const lines = [`## ${s.file}`, '', measured, ''];
  if (s.error) {
    lines.push(`Failed: ${s.error}`);
  } else {
    lines.push('| benchmark | figure | baseline | ratio |', '| --- | --- | --- | --- |');
    for (const r of s.rows) lines.push(`| ${r.benchmark} | ${r.figure} | ${r.baseline} | ${r.ratio} |`);
  }
  previous.set(s.file, lines.join('\n'));
}
const header = [
  '# Benchmarks',
  '',
  'Produced by `make bench` (all files) or `make bench ONLY=<part of a path>`; do not edit by',
  'hand. Every figure has a baseline measured in the same run on the same machine; the ratio',
  'compares the two. Each section says when and where it was measured.',
  '',
];
const body = [...previous.keys()].sort().map(file => previous.get(file));
writeFileSync(target, `${[...header, body.join('\n\n')].join('\n')}\n`);
console.log(`Wrote docs/benchmarks.md (${files.length} benchmark files run, ${failures} failed)`);
process.exit(failures ? 1 : 0);
