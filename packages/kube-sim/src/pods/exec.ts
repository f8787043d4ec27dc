import type { KubeObject, ObjectStore } from '../store/types';
import type { ContainerSpec } from '../sim/kubelet/config';
import type { RemoteStreams } from './channel';
import { buildFs, containerEnv, type FakeFs } from './fakefs';
import { isShell, Shell, ShellExit } from './shell';
import { InteractiveSession } from './terminal';

const MaxFilesystems = 500;

/** Each container keeps its filesystem between exec sessions, like a real one. */
export class ContainerFilesystems {
  private readonly byContainer = new Map<string, FakeFs>();

  constructor(private readonly store: ObjectStore) {}

  get(pod: KubeObject, container: ContainerSpec): FakeFs {
    const key = `${pod.metadata.uid}/${container.name}`;
    let fs = this.byContainer.get(key);
    if (!fs) {
      fs = buildFs(this.store, pod, container);
      if (this.byContainer.size >= MaxFilesystems) this.byContainer.delete(this.byContainer.keys().next().value!);
      this.byContainer.set(key, fs);
    }
    return fs;
  }
}

export interface ExecOptions {
  command: string[];
  stdin: boolean;
  tty: boolean;
  /** Real seconds per simulated second for `sleep`. */
  sleepScale?: number;
}

/** Parses `command`, `stdin`, `tty` of an exec request. */
export function execOptions(query: URLSearchParams): ExecOptions {
  const flag = (name: string) => query.get(name) === 'true' || query.get(name) === '1';
  return { command: query.getAll('command'), stdin: flag('stdin'), tty: flag('tty') };
}

/** Runs an exec session: a one-shot command, a shell reading stdin, or an interactive shell. */
export function runExec(stream: RemoteStreams, store: ObjectStore, files: ContainerFilesystems, pod: KubeObject, container: ContainerSpec, options: ExecOptions): void {
  const { command } = options;
  if (command.length === 0) {
    stream.fail('you must specify at least one command for the container');
    return;
  }
  if (!Shell.knows(command[0])) {
    stream.stdout(`OCI runtime exec failed: exec failed: unable to start container process: exec: "${command[0]}": executable file not found in $PATH: unknown\r\n`);
    stream.exit(126, command);
    return;
  }
  const shell = new Shell(files.get(pod, container), containerEnv(store, pod, container), pod.metadata.name);
  const interactive = isShell(command[0]) && command[1] !== '-c';
  if (interactive && options.stdin) new InteractiveSession(shell, stream, options.tty, command).start();
  else if (options.stdin) collectStdin(stream, stdin => void execute(stream, shell, command, stdin));
  else void execute(stream, shell, command, '');
}

function collectStdin(stream: RemoteStreams, done: (stdin: string) => void): void {
  const chunks: Buffer[] = [];
  let finished = false;
  const finish = () => {
    if (finished) return;
    finished = true;
    done(Buffer.concat(chunks).toString('utf8'));
  };
  stream.onStdin(data => chunks.push(data));
  stream.onStdinEnd(finish);
  stream.onClose(finish);
}

async function execute(stream: RemoteStreams, shell: Shell, command: string[], stdin: string): Promise<void> {
  let code: number;
  try {
    code = await shell.exec(command, { stdout: t => stream.stdout(t), stderr: t => stream.stderr(t) }, stdin);
  } catch (error) {
    if (!(error instanceof ShellExit)) {
      stream.fail(String(error));
      return;
    }
    code = error.code;
  }
  stream.exit(code, command);
}
