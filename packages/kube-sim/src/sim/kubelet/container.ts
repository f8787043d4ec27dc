import type { KubeObject } from '../../store/types';
import { simMs, type SimContext } from '../context';
import { nowIso } from '../resources';
import { exitOf, type Behavior } from './behavior';
import { configError, type ContainerSpec, type Probe } from './config';
import { imageId, imageSize, newContainerId, pullErrorMessage } from './images';

export type Terminated = { exitCode: number; reason: string; message?: string; startedAt: string; finishedAt: string; containerID: string };
/** One run of the container: what its logs are generated for. */
export interface Instance {
  index: number;
  startedAt: number;
  finishedAt?: number;
  exitCode?: number;
}

export type ContainerState =
  | { waiting: { reason: string; message?: string } }
  | { running: { startedAt: string } }
  | { terminated: Terminated };

/** What a container runner needs from the pod worker that owns it. */
export interface RunnerHost {
  ctx: SimContext;
  pod(): KubeObject | undefined;
  event(type: 'Normal' | 'Warning', reason: string, message: string, fieldPath: string): void;
  changed(): void;
  exited(runner: ContainerRunner): void;
  imagePresent(image: string): boolean;
  imagePulled(image: string): void;
  /** "name_namespace(uid)", as the kubelet names pods in messages. */
  podLabel: string;
}

const SyncSeconds = 1;
const backOffSeconds = (failures: number) => (failures <= 0 ? 0 : Math.min(10 * 2 ** (failures - 1), 300));

/**
 * One container's lifecycle: config check, image pull, start, probes, exit and restart with
 * the kubelet's back-off (10s doubling to 5m).
 */
export class ContainerRunner {
  state: ContainerState = { waiting: { reason: 'ContainerCreating' } };
  lastState: { terminated: Terminated } | undefined;
  restartCount = 0;
  ready = false;
  started = false;
  containerID: string | undefined;
  imageID: string | undefined;
  finished = false;
  /** The last two runs, newest last. */
  readonly instances: Instance[] = [];
  private timer: NodeJS.Timeout | undefined;
  private probeTimer: NodeJS.Timeout | undefined;
  private failures = 0;

  constructor(
    private readonly host: RunnerHost,
    readonly spec: ContainerSpec,
    readonly behavior: Behavior,
    private readonly runSeconds: number,
    private readonly restartPolicy: string,
    readonly fieldPath: string,
  ) {}

  get image(): string {
    return this.spec.image ?? '';
  }

  start(): void {
    this.prepare();
  }

  stop(): void {
    this.host.ctx.timers.cancel(this.timer);
    this.host.ctx.timers.cancel(this.probeTimer);
  }

  private after(seconds: number, fn: () => void) {
    this.host.ctx.timers.cancel(this.timer);
    this.timer = this.host.ctx.timers.after(simMs(this.host.ctx, seconds), fn);
  }

  private setState(state: ContainerState) {
    this.state = state;
    this.host.changed();
  }

  private prepare(): void {
    const pod = this.host.pod();
    if (!pod) return;
    const problem = configError(this.host.ctx.store, pod, this.spec);
    if (!problem) {
      this.pull();
      return;
    }
    this.failures += 1;
    this.setState({ waiting: { reason: 'CreateContainerConfigError', message: problem } });
    this.host.event('Warning', 'Failed', `Error: ${problem}`, this.fieldPath);
    this.after(Math.max(backOffSeconds(this.failures), SyncSeconds * 2), () => this.prepare());
  }

  private pull(): void {
    const policy = (this.spec as { imagePullPolicy?: string }).imagePullPolicy ?? 'IfNotPresent';
    if (this.behavior !== 'image-pull-error' && policy !== 'Always' && this.host.imagePresent(this.image)) {
      this.host.event('Normal', 'Pulled', `Container image "${this.image}" already present on machine`, this.fieldPath);
      this.create();
      return;
    }
    this.host.event('Normal', 'Pulling', `Pulling image "${this.image}"`, this.fieldPath);
    const seconds = 0.5 + (imageSize(this.image) % 3000) / 1000;
    this.after(seconds, () => (this.behavior === 'image-pull-error' ? this.pullFailed() : this.pulled(seconds)));
  }

  private pulled(seconds: number): void {
    this.host.imagePulled(this.image);
    const took = `${seconds.toFixed(3)}s`;
    this.host.event('Normal', 'Pulled', `Successfully pulled image "${this.image}" in ${took} (${took} including waiting). Image size: ${imageSize(this.image)} bytes.`, this.fieldPath);
    this.create();
  }

  private pullFailed(): void {
    this.failures += 1;
    const error = pullErrorMessage(this.image);
    this.host.event('Warning', 'Failed', `Failed to pull image "${this.image}": ${error}`, this.fieldPath);
    this.host.event('Warning', 'Failed', 'Error: ErrImagePull', this.fieldPath);
    this.setState({ waiting: { reason: 'ErrImagePull', message: error } });
    this.after(SyncSeconds, () => {
      this.host.event('Normal', 'BackOff', `Back-off pulling image "${this.image}"`, this.fieldPath);
      this.host.event('Warning', 'Failed', 'Error: ImagePullBackOff', this.fieldPath);
      this.setState({ waiting: { reason: 'ImagePullBackOff', message: `Back-off pulling image "${this.image}": ErrImagePull: ${error}` } });
      this.after(backOffSeconds(this.failures), () => this.pull());
    });
  }

  private create(): void {
    this.containerID = newContainerId();
    this.imageID = imageId(this.image);
    this.host.event('Normal', 'Created', `Created container ${this.spec.name}`, this.fieldPath);
    this.host.event('Normal', 'Started', `Started container ${this.spec.name}`, this.fieldPath);
    this.started = true;
    this.ready = false;
    this.instances.push({ index: this.restartCount, startedAt: Date.now() });
    if (this.instances.length > 2) this.instances.shift();
    this.setState({ running: { startedAt: nowIso() } });
    this.watchReadiness();
    if (this.behavior === 'liveness-fail') this.failLiveness();
    if (Number.isFinite(this.runSeconds)) {
      const { exitCode, reason } = exitOf(this.behavior);
      this.after(this.runSeconds, () => this.exit(exitCode, reason));
    }
  }

  private watchReadiness(): void {
    const probe = this.spec.readinessProbe;
    if (this.behavior === 'readiness-fail') {
      this.failProbeTimer('Readiness', probe ?? { httpGet: { path: '/ready', port: 8080 } }, () => {});
      return;
    }
    const delay = probe ? (probe.initialDelaySeconds ?? 0) + 1 : 0;
    if (delay === 0) {
      this.ready = true;
      return;
    }
    this.probeTimer = this.host.ctx.timers.after(simMs(this.host.ctx, delay), () => {
      this.ready = 'running' in this.state;
      this.host.changed();
    });
  }

  private failLiveness(): void {
    const probe = this.spec.livenessProbe ?? { httpGet: { path: '/healthz', port: 8080 } };
    const threshold = probe.failureThreshold ?? 3;
    let misses = 0;
    const onFailure = () => {
      misses += 1;
      if (misses < threshold) return;
      this.host.event('Normal', 'Killing', `Container ${this.spec.name} failed liveness probe, will be restarted`, this.fieldPath);
      this.exit(137, 'Error');
    };
    this.failProbeTimer('Liveness', probe, onFailure);
  }

  /** Reports a failing probe every period, as Unhealthy events the kubelet aggregates. */
  private failProbeTimer(kind: string, probe: Probe, onFailure: () => void): void {
    const period = probe.periodSeconds ?? 10;
    const tick = () => {
      if (!('running' in this.state)) return;
      this.host.event('Warning', 'Unhealthy', `${kind} probe failed: ${probeFailure(kind, probe)}`, this.fieldPath);
      onFailure();
      if ('running' in this.state) this.probeTimer = this.host.ctx.timers.after(simMs(this.host.ctx, period), tick);
    };
    const timers = this.host.ctx.timers;
    timers.cancel(this.probeTimer);
    this.probeTimer = timers.after(simMs(this.host.ctx, (probe.initialDelaySeconds ?? 0) + period), tick);
  }

  /** The container process ends with `exitCode`; restart policy and back-off decide what is next. */
  exit(exitCode: number, reason: string): void {
    if (!('running' in this.state)) return;
    this.host.ctx.timers.cancel(this.probeTimer);
    const terminated: Terminated = {
      exitCode, reason, startedAt: this.state.running.startedAt, finishedAt: nowIso(), containerID: this.containerID ?? '',
    };
    this.ready = false;
    const instance = this.instances[this.instances.length - 1];
    if (instance) Object.assign(instance, { finishedAt: Date.now(), exitCode });
    this.setState({ terminated });
    const restart = this.restartPolicy === 'Always' || (this.restartPolicy === 'OnFailure' && exitCode !== 0);
    if (!restart) {
      this.finished = true;
      this.host.exited(this);
      return;
    }
    const delay = backOffSeconds(this.restartCount);
    this.after(SyncSeconds, () => {
      this.lastState = { terminated };
      if (delay > 0) {
        const message = `back-off ${formatDelay(delay)} restarting failed container=${this.spec.name} pod=${this.host.podLabel}`;
        this.host.event('Warning', 'BackOff', `Back-off restarting failed container ${this.spec.name} in pod ${this.host.podLabel}`, this.fieldPath);
        this.setState({ waiting: { reason: 'CrashLoopBackOff', message } });
      }
      this.after(delay, () => this.restart());
    });
  }

  private restart(): void {
    this.restartCount += 1;
    this.prepare();
  }
}

function formatDelay(seconds: number): string {
  return seconds >= 60 ? `${Math.floor(seconds / 60)}m${seconds % 60 ? `${seconds % 60}s` : '0s'}` : `${seconds}s`;
}

function probeFailure(kind: string, probe: Probe): string {
  if (probe.httpGet) return `HTTP probe failed with statuscode: ${kind === 'Liveness' ? 500 : 503}`;
  if (probe.tcpSocket) return `dial tcp: connect: connection refused`;
  return `command "${(probe.exec?.command ?? []).join(' ')}" exited with 1`;
}
