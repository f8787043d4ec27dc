import type { FakeFs } from './fakefs';
import { normalize } from './fakefs';

/**
 * Just enough ustar for `kubectl cp`, which runs `tar cf - <path>` and `tar -xmf - -C <dir>` in
 * the container. Archives travel as text through the shell's UTF-8 streams, so file contents
 * are text (as everything in the fake filesystem is); sizes and offsets count UTF-8 bytes.
 */
const Block = 512;

function header(name: string, size: number, directory: boolean): string {
  const field = (value: string, length: number) => value.slice(0, length).padEnd(length, '\0');
  const octal = (value: number, length: number) => `${value.toString(8).padStart(length - 1, '0')}\0`;
  const parts = [
    field(name, 100), octal(directory ? 0o755 : 0o644, 8), octal(0, 8), octal(0, 8), octal(size, 12),
    octal(Math.floor(Date.now() / 1000), 12), ' '.repeat(8), directory ? '5' : '0', field('', 100),
    'ustar\0', '00', field('root', 32), field('root', 32), field('', 8), field('', 8), field('', 155),
  ];
  const raw = parts.join('').padEnd(Block, '\0');
  let sum = 0;
  for (let i = 0; i < raw.length; i++) sum += raw.charCodeAt(i);
  return `${raw.slice(0, 148)}${sum.toString(8).padStart(6, '0')}\0 ${raw.slice(156)}`;
}

const pad = (size: number) => '\0'.repeat((Block - (size % Block)) % Block);

/** Files and directories under `path`, depth first, as [absolute path, content | undefined]. */
function walk(fs: FakeFs, path: string): Array<[string, string | undefined]> {
  if (!fs.isDir(path)) return [[path, fs.read(path) ?? '']];
  const inside = fs.list(path).flatMap(entry => walk(fs, normalize(`${path}/${entry.name}`)));
  return [[path, undefined], ...inside];
}

/** An archive of `paths` (member names without the leading slash, as GNU tar writes them). */
export function createTar(fs: FakeFs, paths: string[]): string {
  let out = '';
  for (const path of paths) {
    for (const [member, content] of walk(fs, path)) {
      const name = member.replace(/^\/+/, '') + (content === undefined ? '/' : '');
      const data = content ?? '';
      const size = Buffer.byteLength(data);
      out += header(name, size, content === undefined) + data + pad(size);
    }
  }
  return out + '\0'.repeat(Block * 2);
}

/** Extracts an archive into `dir`; returns the names written. */
export function extractTar(fs: FakeFs, text: string, dir: string): string[] {
  const archive = Buffer.from(text, 'utf8');
  const written: string[] = [];
  for (let offset = 0; offset + Block <= archive.length; ) {
    const head = archive.subarray(offset, offset + Block).toString('latin1');
    if (!head.replace(/\0/g, '')) break;
    const cut = (from: number, length: number) => head.slice(from, from + length).replace(/\0.*$/s, '');
    const prefix = cut(345, 155);
    const name = (prefix ? `${prefix}/` : '') + cut(0, 100);
    const size = parseInt(cut(124, 12).trim() || '0', 8);
    const type = head[156];
    const target = normalize(`${dir}/${name}`);
    if (type === '5') fs.mkdir(target);
    else if (type === '0' || type === '\0') fs.write(target, archive.subarray(offset + Block, offset + Block + size).toString('utf8'));
    written.push(name);
    offset += Block + size + pad(size).length;
  }
  return written;
}
