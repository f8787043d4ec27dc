#!/usr/bin/env node
/* eslint-disable no-restricted-syntax */
// Regenerates src/generated from proto/agent.proto with proto-loader-gen-types (pure JS).
// Usage: node scripts/generate.js [outDir]   (default: src/generated)
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const packageDir = path.resolve(__dirname, '..');
const protoDir = path.resolve(packageDir, '../../proto');
const outDir = path.resolve(
  process.argv[2] ?? path.join(packageDir, 'src/generated'),
);
const bin = require.resolve(
  '@grpc/proto-loader/build/bin/proto-loader-gen-types.js',
);

fs.rmSync(outDir, { recursive: true, force: true });
execFileSync(
  process.execPath,
  [
    bin,
    '--grpcLib=@grpc/grpc-js',
    '--longs=Number',
    '--enums=String',
    '--bytes=Buffer',
    '--defaults',
    '--oneofs',
    '--includeComments',
    `--includeDirs=${protoDir}`,
    `--outDir=${outDir}`,
    'agent.proto',
  ],
  { stdio: 'inherit' },
);

// Keep the output independent of where the repository is checked out.
for (const file of walk(outDir)) {
  const text = fs.readFileSync(file, 'utf8');
  fs.writeFileSync(
    file,
    text.split(path.join(protoDir, 'agent.proto')).join('proto/agent.proto'),
  );
}

function walk(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap(entry => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? walk(full) : [full];
  });
}
