import { Shell, ShellExit } from './shell';
import type { RemoteStreams } from './channel';

/**
 * An interactive shell session over stdin: with a TTY it echoes keystrokes, edits the line
 * (backspace, Ctrl-C, Ctrl-D) and prints a prompt; without one it runs each line it reads.
 */
export class InteractiveSession {
  private line = '';
  private queue: Promise<void> = Promise.resolve();
  private done = false;

  constructor(
    private readonly shell: Shell,
    private readonly stream: RemoteStreams,
    private readonly tty: boolean,
    private readonly command: string[],
  ) {}

  start(): void {
    this.stream.onStdin(data => this.receive(data.toString('utf8')));
    this.stream.onStdinEnd(() => this.enqueue(async () => this.finish(this.shell.status)));
    this.prompt();
  }

  private prompt(): void {
    if (this.tty && !this.done) this.stream.stdout(`${this.shell.cwd === '/' ? '/' : this.shell.cwd} # `);
  }

  private receive(text: string): void {
    for (const char of text) {
      if (this.done) return;
      if (char === '\r' || char === '\n') {
        const line = this.line;
        this.line = '';
        if (this.tty) this.stream.stdout('\r\n');
        this.enqueue(() => this.execute(line));
      } else if (this.tty && (char === '\x7f' || char === '\b')) {
        if (this.line) this.stream.stdout('\b \b');
        this.line = this.line.slice(0, -1);
      } else if (this.tty && char === '\x03') {
        this.line = '';
        this.stream.stdout('^C\r\n');
        this.prompt();
      } else if (this.tty && char === '\x04') {
        if (!this.line) {
          this.stream.stdout('exit\r\n');
          this.enqueue(async () => this.finish(this.shell.status));
        }
      } else {
        this.line += char;
        if (this.tty) this.stream.stdout(char);
      }
    }
  }

  private enqueue(task: () => Promise<void>): void {
    this.queue = this.queue.then(task).catch(() => this.finish(1));
  }

  private async execute(line: string): Promise<void> {
    if (this.done) return;
    const crlf = (t: string) => (this.tty ? t.replace(/\r?\n/g, '\r\n') : t);
    try {
      await this.shell.run(line, { stdout: t => this.stream.stdout(crlf(t)), stderr: t => this.stream.stderr(crlf(t)) });
      this.prompt();
    } catch (error) {
      if (!(error instanceof ShellExit)) throw error;
      this.finish(error.code);
    }
  }

  private finish(code: number): void {
    if (this.done) return;
    this.done = true;
    this.stream.exit(code, this.command);
  }
}
