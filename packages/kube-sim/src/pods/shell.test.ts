import { FakeFs } from './fakefs';
import { Shell, ShellExit } from './shell';

function shell() {
  const fs = new FakeFs();
  fs.write('/etc/hostname', 'web-1\n');
  fs.write('/etc/app/config.yaml', 'level: info\nport: 8080\n');
  fs.mkdir('/tmp');
  return new Shell(fs, { HOME: '/root', GREETING: 'hello', PATH: '/bin' }, 'web-1', async () => {});
}

async function run(sh: Shell, script: string, stdin = '') {
  let out = '';
  let err = '';
  let code: number;
  try {
    code = await sh.run(script, { stdout: t => (out += t), stderr: t => (err += t) }, stdin);
  } catch (error) {
    if (!(error instanceof ShellExit)) throw error;
    code = error.code;
  }
  return { out, err, code };
}

describe('Shell', () => {
  it('runs builtins with quoting and variable expansion', async () => {
    const sh = shell();
    expect(await run(sh, 'echo "$GREETING, world" \'$GREETING\' ${GREETING}')).toEqual({ out: 'hello, world $GREETING hello\n', err: '', code: 0 });
    expect((await run(sh, 'hostname; pwd')).out).toBe('web-1\n/\n');
    expect((await run(sh, 'cat /etc/hostname')).out).toBe('web-1\n');
    expect((await run(sh, 'ls /etc')).out).toBe('app\nhostname\n');
    expect((await run(sh, 'printenv GREETING')).out).toBe('hello\n');
    expect((await run(sh, 'env')).out).toContain('GREETING=hello\n');
  });

  it('reports errors and exit codes like sh', async () => {
    const sh = shell();
    expect(await run(sh, 'cat /nope')).toEqual({ out: '', err: 'cat: /nope: No such file or directory\n', code: 1 });
    expect(await run(sh, 'frobnicate')).toEqual({ out: '', err: 'sh: 1: frobnicate: not found\n', code: 127 });
    expect((await run(sh, 'false; echo $?')).out).toBe('1\n');
    expect((await run(sh, 'exit 3')).code).toBe(3);
    expect((await run(sh, 'ls /missing')).err).toBe("ls: cannot access '/missing': No such file or directory\n");
  });

  it('supports &&, ||, pipes, redirects and cd', async () => {
    const sh = shell();
    expect((await run(sh, 'false && echo no || echo yes')).out).toBe('yes\n');
    expect((await run(sh, 'cat /etc/app/config.yaml | grep port')).out).toBe('port: 8080\n');
    expect((await run(sh, 'echo one > /tmp/f; echo two >> /tmp/f; cat /tmp/f | wc -l')).out).toBe('2\n');
    expect((await run(sh, 'cd /etc/app && pwd && cat config.yaml | head -n 1')).out).toBe('/etc/app\nlevel: info\n');
    expect((await run(sh, 'sh -c "echo nested; exit 5"; echo $?')).out).toBe('nested\n5\n');
    expect(await run(sh, 'echo oops >&2; ls /nope 2>/dev/null; echo both 2>&1')).toEqual({ out: 'both\n', err: 'oops\n', code: 0 });
    expect((await run(sh, 'ls /nope 2> /tmp/err; cat /tmp/err')).out).toBe("ls: cannot access '/nope': No such file or directory\n");
  });

  it('executes argv directly for exec without a shell', async () => {
    const sh = shell();
    let out = '';
    const code = await sh.exec(['cat'], { stdout: t => (out += t), stderr: () => {} }, 'from stdin');
    expect({ out, code }).toEqual({ out: 'from stdin', code: 0 });
    expect(Shell.knows('/bin/ls')).toBe(true);
    expect(Shell.knows('python')).toBe(false);
  });

  it('archives and extracts with tar as kubectl cp needs', async () => {
    const sh = shell();
    let archive = '';
    await sh.exec(['tar', 'cf', '-', '/etc/app'], { stdout: t => (archive += t), stderr: () => {} });
    expect(archive.length % 512).toBe(0);
    expect(await sh.exec(['tar', '-xmf', '-', '-C', '/tmp'], { stdout: () => {}, stderr: () => {} }, archive)).toBe(0);
    expect((await run(sh, 'cat /tmp/etc/app/config.yaml')).out).toBe('level: info\nport: 8080\n');
  });
});
