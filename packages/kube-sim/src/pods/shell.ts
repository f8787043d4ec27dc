import { FakeFs, normalize } from './fakefs';
import { expand, parse, ShellSyntaxError, type Pipeline, type Redirect, type SimpleCommand } from './shellparse';
import { createTar, extractTar } from './tar';

export interface ShellOutput {
  stdout(text: string): void;
  stderr(text: string): void;
}

interface Io {
  stdin: string;
  out: string[];
  err: string[];
}

type Builtin = (shell: Shell, args: string[], io: Io) => number | Promise<number>;

export class ShellExit extends Error {
  constructor(readonly code: number) {
    super(`exit ${code}`);
  }
}

const shells = new Set(['sh', '/bin/sh', 'bash', '/bin/bash', 'ash', '/bin/ash', 'dash', '/bin/dash']);

/** Whether argv starts a shell (kubectl exec -- sh, bash, /bin/sh ...). */
export function isShell(command: string): boolean {
  return shells.has(command);
}

const write = (io: Io, text: string) => io.out.push(text);
const fail = (io: Io, text: string, code = 1) => {
  io.err.push(text);
  return code;
};

function ls(shell: Shell, args: string[], io: Io): number {
  const long = args.some(a => /^-\w*l/.test(a));
  const all = args.some(a => /^-\w*a/.test(a));
  const paths = args.filter(a => !a.startsWith('-'));
  let code = 0;
  for (const target of paths.length ? paths : ['.']) {
    const path = shell.resolve(target);
    if (!shell.fs.exists(path)) {
      code = fail(io, `ls: cannot access '${target}': No such file or directory\n`, 2);
      continue;
    }
    if (paths.length > 1) write(io, `${target}:\n`);
    const entries = shell.fs.isDir(path) ? shell.fs.list(path) : [{ name: target, dir: false, size: Buffer.byteLength(shell.fs.read(path) ?? '') }];
    const shown = all ? [{ name: '.', dir: true, size: 4096 }, { name: '..', dir: true, size: 4096 }, ...entries] : entries.filter(e => !e.name.startsWith('.'));
    if (long) {
      write(io, shown.map(e => `${e.dir ? 'drwxr-xr-x' : '-rw-r--r--'}    1 root     root     ${String(e.size).padStart(8)} Nov 26 12:00 ${e.name}\n`).join(''));
    } else if (shown.length) {
      write(io, `${shown.map(e => e.name).join('\n')}\n`);
    }
  }
  return code;
}

function cat(shell: Shell, args: string[], io: Io): number {
  if (args.length === 0) {
    write(io, io.stdin);
    return 0;
  }
  let code = 0;
  for (const file of args) {
    const path = shell.resolve(file);
    const content = shell.fs.read(path);
    if (content !== undefined) write(io, content);
    else code = fail(io, `cat: ${file}: ${shell.fs.isDir(path) ? 'Is a directory' : 'No such file or directory'}\n`);
  }
  return code;
}

function echo(_shell: Shell, args: string[], io: Io): number {
  let newline = true;
  let escapes = false;
  while (args[0] === '-n' || args[0] === '-e') {
    if (args.shift() === '-n') newline = false;
    else escapes = true;
  }
  const text = args.join(' ');
  write(io, (escapes ? text.replace(/\\n/g, '\n').replace(/\\t/g, '\t') : text) + (newline ? '\n' : ''));
  return 0;
}

function lines(text: string): string[] {
  const all = text.split('\n');
  if (all[all.length - 1] === '') all.pop();
  return all;
}

function count(args: string[], fallback: number): number {
  const i = args.findIndex(a => a === '-n');
  if (i >= 0) return Number(args.splice(i, 2)[1]);
  const short = args.findIndex(a => /^-\d+$/.test(a));
  return short >= 0 ? Number(args.splice(short, 1)[0].slice(1)) : fallback;
}

function input(shell: Shell, args: string[], io: Io): string {
  const file = args.find(a => !a.startsWith('-'));
  return file ? shell.fs.read(shell.resolve(file)) ?? '' : io.stdin;
}

/** A builtin that prints what `text` returns and succeeds. */
const print = (text: (shell: Shell, args: string[]) => string): Builtin => (shell, args, io) => {
  write(io, text(shell, args));
  return 0;
};

const builtins: Record<string, Builtin> = {
  echo,
  cat,
  ls,
  true: () => 0,
  false: () => 1,
  pwd: print(shell => `${shell.cwd}\n`),
  hostname: print(shell => `${shell.hostname}\n`),
  whoami: print(() => 'root\n'),
  id: print(() => 'uid=0(root) gid=0(root) groups=0(root)\n'),
  uname: print((shell, args) => (args.includes('-a') ? `Linux ${shell.hostname} 6.1.0-27-amd64 #1 SMP PREEMPT_DYNAMIC Debian 6.1.115-1 x86_64 GNU/Linux\n` : 'Linux\n')),
  date: print(() => `${new Date().toUTCString().replace('GMT', 'UTC')}\n`),
  env: print(shell => Object.entries(shell.env).map(([k, v]) => `${k}=${v}\n`).join('')),
  printenv: (shell, args, io) => {
    if (!args.length) return builtins.env(shell, args, io);
    const values = args.map(a => shell.env[a]).filter(v => v !== undefined);
    write(io, values.map(v => `${v}\n`).join(''));
    return values.length === args.length ? 0 : 1;
  },
  cd: (shell, args, io) => {
    const target = shell.resolve(args[0] ?? shell.env.HOME ?? '/');
    if (!shell.fs.isDir(target)) return fail(io, `sh: 1: cd: can't cd to ${args[0]}\n`, 2);
    shell.cwd = target;
    return 0;
  },
  export: (shell, args) => {
    args.forEach(a => {
      const [k, ...v] = a.split('=');
      if (v.length) shell.env[k] = v.join('=');
    });
    return 0;
  },
  exit: (_s, args) => {
    throw new ShellExit(Number(args[0] ?? 0) & 255);
  },
  mkdir: (shell, args) => {
    args.filter(a => !a.startsWith('-')).forEach(a => shell.fs.mkdir(shell.resolve(a)));
    return 0;
  },
  touch: (shell, args) => {
    args.forEach(a => shell.fs.read(shell.resolve(a)) ?? shell.fs.write(shell.resolve(a), ''));
    return 0;
  },
  head: (shell, args, io) => {
    const n = count(args, 10);
    write(io, lines(input(shell, args, io)).slice(0, n).map(l => `${l}\n`).join(''));
    return 0;
  },
  tail: (shell, args, io) => {
    const n = count(args, 10);
    write(io, (n === 0 ? [] : lines(input(shell, args, io)).slice(-n)).map(l => `${l}\n`).join(''));
    return 0;
  },
  wc: (shell, args, io) => {
    const text = input(shell, args, io);
    write(io, args.includes('-l') ? `${lines(text).length}\n` : `${lines(text).length} ${text.split(/\s+/).filter(Boolean).length} ${Buffer.byteLength(text)}\n`);
    return 0;
  },
  grep: (shell, args, io) => {
    const [pattern, ...rest] = args.filter(a => !a.startsWith('-'));
    const matches = lines(input(shell, rest, io)).filter(l => (args.includes('-i') ? new RegExp(pattern, 'i') : new RegExp(pattern)).test(l));
    write(io, matches.map(l => `${l}\n`).join(''));
    return matches.length ? 0 : 1;
  },
  ps: print(shell => `PID   USER     TIME  COMMAND\n    1 root      0:00 ${(shell.fs.read('/proc/1/cmdline') ?? '').split('\0').join(' ')}\n`),
};
builtins.tar = (shell, args, io) => {
  const flags = args.filter(a => /^-?[a-zA-Z]+$/.test(a) && !a.startsWith('--')).join('');
  const dirAt = args.indexOf('-C');
  const dir = dirAt >= 0 ? shell.resolve(args[dirAt + 1] ?? '.') : shell.cwd;
  const operands = args.filter((a, i) => a !== '-' && !/^-?[a-zA-Z]+$/.test(a) && i !== dirAt + 1);
  if (flags.includes('x')) {
    extractTar(shell.fs, io.stdin, dir);
    return 0;
  }
  if (!flags.includes('c')) return fail(io, 'tar: You must specify one of the \'-Acdtrux\' options\n', 2);
  const missing = operands.filter(p => !shell.fs.exists(shell.resolve(p)));
  if (missing.length) return fail(io, missing.map(p => `tar: ${p}: Cannot stat: No such file or directory\n`).join(''), 2);
  if (operands.some(p => p.startsWith('/'))) io.err.push("tar: Removing leading `/' from member names\n");
  write(io, createTar(shell.fs, operands.map(p => shell.resolve(p))));
  return 0;
};
builtins.sleep = async (shell, args, io) => {
  const seconds = Number(args[0]);
  if (!Number.isFinite(seconds) || seconds < 0) return fail(io, `sleep: invalid time interval '${args[0] ?? ''}'\n`);
  await shell.sleepFor(seconds);
  return 0;
};

/**
 * A small shell over a container's fake filesystem and environment: enough of sh for
 * `kubectl exec` sessions (builtins, quoting, $VARS, ;, &&, ||, pipes, redirects, exit codes).
 */
export class Shell {
  cwd = '/';
  status = 0;

  constructor(
    readonly fs: FakeFs,
    readonly env: Record<string, string>,
    readonly hostname: string,
    private readonly sleep: (seconds: number) => Promise<void> = s => new Promise(r => setTimeout(r, s * 1000)),
  ) {}

  /** Whether `command` is something this shell can run (a builtin or a shell). */
  static knows(command: string): boolean {
    return isShell(command) || command.replace(/^\/(usr\/)?bin\//, '') in builtins;
  }

  resolve(path: string): string {
    return normalize(path.startsWith('/') ? path : `${this.cwd}/${path}`);
  }

  sleepFor(seconds: number): Promise<number> {
    return this.sleep(seconds).then(() => 0);
  }

  /** Runs one script (a line or `sh -c` text); `exit` throws ShellExit. */
  async run(script: string, output: ShellOutput, stdin = ''): Promise<number> {
    for (const line of script.split('\n')) {
      let list;
      try {
        list = parse(line);
      } catch (error) {
        if (!(error instanceof ShellSyntaxError)) throw error;
        output.stderr(`sh: 1: ${error.message}\n`);
        this.status = 2;
        continue;
      }
      for (const { op, pipeline } of list) {
        if ((op === '&&' && this.status !== 0) || (op === '||' && this.status === 0)) continue;
        this.status = await this.runPipeline(pipeline, output, stdin);
      }
    }
    return this.status;
  }

  /** Runs an exec command line (argv, not parsed by a shell). */
  async exec(argv: string[], output: ShellOutput, stdin = ''): Promise<number> {
    const [command, ...args] = argv;
    if (isShell(command) && args[0] === '-c') return this.run(args[1] ?? '', output, stdin);
    if (isShell(command)) return this.run(stdin, output);
    const io: Io = { stdin, out: [], err: [] };
    const code = await this.invoke(command, args, io);
    io.out.forEach(t => output.stdout(t));
    io.err.forEach(t => output.stderr(t));
    return code;
  }

  private async runPipeline(pipeline: Pipeline, output: ShellOutput, stdin: string): Promise<number> {
    let piped = stdin;
    let code = 0;
    for (let i = 0; i < pipeline.length; i++) {
      const io: Io = { stdin: piped, out: [], err: [] };
      code = await this.runCommand(pipeline[i], io);
      io.err.forEach(t => output.stderr(t));
      if (i === pipeline.length - 1) io.out.forEach(t => output.stdout(t));
      piped = io.out.join('');
    }
    return code;
  }

  private async runCommand(command: SimpleCommand, io: Io): Promise<number> {
    const special: Record<string, string> = { '?': String(this.status), $: '1' };
    const vars = (name: string) => special[name] ?? this.env[name] ?? '';
    const words = command.words.map(w => expand(w, vars));
    while (words.length && /^[A-Za-z_][A-Za-z0-9_]*=/.test(words[0])) {
      const [k, ...v] = words.shift()!.split('=');
      this.env[k] = v.join('=');
    }
    for (const redirect of command.redirects) {
      if (redirect.op !== '<') continue;
      const content = this.fs.read(this.resolve(expand(redirect.target, vars)));
      if (content === undefined) return fail(io, `sh: 1: cannot open ${expand(redirect.target, vars)}: No such file\n`, 2);
      io.stdin = content;
    }
    const code = words.length ? await this.invoke(words[0], words.slice(1), io) : 0;
    command.redirects.forEach(redirect => this.redirect(redirect, io, vars));
    return code;
  }

  /** Applies an output redirect after the command ran (its output is buffered in `io`). */
  private redirect(redirect: Redirect, io: Io, vars: (name: string) => string): void {
    if (!('target' in redirect)) {
      if (redirect.op === '>&2') io.err.push(...io.out.splice(0));
      else io.out.push(...io.err.splice(0));
      return;
    }
    if (redirect.op === '<') return;
    const taken = redirect.op.startsWith('2') ? io.err.splice(0) : io.out.splice(0);
    if (redirect.op === '&>') taken.push(...io.err.splice(0));
    const path = this.resolve(expand(redirect.target, vars));
    if (path === '/dev/null') return;
    const before = redirect.op.endsWith('>>') ? this.fs.read(path) ?? '' : '';
    this.fs.write(path, before + taken.join(''));
  }

  private async invoke(command: string, args: string[], io: Io): Promise<number> {
    const name = command.replace(/^\/(usr\/)?bin\//, '');
    if (isShell(command)) {
      if (args[0] === '-c') return this.nested(args[1] ?? '', io);
      return this.nested(io.stdin, io);
    }
    const builtin = builtins[name];
    if (!builtin) return fail(io, `sh: 1: ${command}: not found\n`, 127);
    return builtin(this, args, io);
  }

  private async nested(script: string, io: Io): Promise<number> {
    const child = new Shell(this.fs, { ...this.env }, this.hostname, this.sleep);
    child.cwd = this.cwd;
    try {
      return await child.run(script, { stdout: t => io.out.push(t), stderr: t => io.err.push(t) }, io.stdin);
    } catch (error) {
      if (error instanceof ShellExit) return error.code;
      throw error;
    }
  }
}
