// Runs each benchmark in its own process (so one's memory does not skew another's) and writes
// the table to docs/benchmarks.md together with the machine it ran on.
import { execFileSync } from 'node:child_process';
import { globSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const tsx = path.join(root, 'node_modules/.bin/tsx');
const files = globSync('{packages,plugins}/*/bench/*.bench.ts', { cwd: root }).sort();

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
const lines = [
  '# Benchmarks',
  '',
  'Produced by `make bench`; do not edit by hand. Every figure has a baseline measured in the',
  'same run on the same machine; the ratio compares the two.',
  '',
  `Machine: ${machine}  `,
  `Date: ${new Date().toISOString()}`,
  '',
];
for (const s of sections) {
  lines.push(`## ${s.file}`, '');
  if (s.error) {
    lines.push(`Failed: ${s.error}`, '');
    continue;
  }
  lines.push('| benchmark | figure | baseline | ratio |', '| --- | --- | --- | --- |');
  for (const r of s.rows) lines.push(`| ${r.benchmark} | ${r.figure} | ${r.baseline} | ${r.ratio} |`);
  lines.push('');
}
writeFileSync(path.join(root, 'docs/benchmarks.md'), lines.join('\n'));
console.log(`Wrote docs/benchmarks.md (${files.length} benchmark files, ${failures} failed)`);
process.exit(failures ? 1 : 0);
