import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

function listFiles(dir: string, prefix = ''): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap(entry =>
      entry.isDirectory()
        ? listFiles(path.join(dir, entry.name), `${prefix}${entry.name}/`)
        : [`${prefix}${entry.name}`],
    )
    .sort();
}

describe('generated TypeScript for proto/agent.proto', () => {
  it('is what proto-loader-gen-types produces from the committed proto', () => {
    const fresh = fs.mkdtempSync(path.join(os.tmpdir(), 'agent-proto-'));
    try {
      execFileSync(process.execPath, [
        path.resolve(__dirname, '../scripts/generate.js'),
        fresh,
      ]);
      const committed = path.resolve(__dirname, 'generated');
      expect(listFiles(committed)).toEqual(listFiles(fresh));
      for (const file of listFiles(fresh)) {
        const stale = fs.readFileSync(path.join(committed, file), 'utf8');
        const regenerated = fs.readFileSync(path.join(fresh, file), 'utf8');
        if (stale !== regenerated) {
          throw new Error(
            `src/generated/${file} is stale: run \`yarn generate\` in packages/agent-proto`,
          );
        }
      }
    } finally {
      fs.rmSync(fresh, { recursive: true, force: true });
    }
  });
});
