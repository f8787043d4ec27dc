import type { KubeObject } from '../../store/types';
import type { SimContext } from '../context';
import { writeStatus } from '../controllers/controller';
import { R } from '../resources';
import { behaviorOf, runSecondsOf } from './behavior';
import type { ContainerSpec } from './config';
import { ContainerRunner, type RunnerHost } from './container';
import { buildPodStatus, type PodNetwork } from './status';

/** What a pod worker needs from its node's kubelet. */
export interface NodeView {
  imagePresent(node: string, image: string): boolean;
  imagePulled(node: string, image: string): void;
  nodeReady(node: string): boolean;
}

const source = (host: string) => ({ component: 'kubelet', host });

/** Runs one pod's containers on its node: init containers in order, then the rest together. */
export class PodWorker implements RunnerHost {
  readonly init: ContainerRunner[];
  readonly main: ContainerRunner[];
  readonly podLabel: string;
  private frozen = false;
  private readonly namespace: string;
  private readonly name: string;
  private readonly node: string;

  constructor(readonly ctx: SimContext, private readonly view: NodeView, pod: KubeObject, private readonly net: PodNetwork) {
    const spec = pod.spec as { containers: ContainerSpec[]; initContainers?: ContainerSpec[]; restartPolicy?: string; nodeName: string };
    this.namespace = pod.metadata.namespace ?? 'default';
    this.name = pod.metadata.name;
    this.node = spec.nodeName;
    this.podLabel = `${this.name}_${this.namespace}(${pod.metadata.uid})`;
    const restartPolicy = spec.restartPolicy ?? 'Always';
    const runner = (c: ContainerSpec, field: string, policy: string, behavior = behaviorOf(pod, c)) =>
      new ContainerRunner(this, c, behavior, runSecondsOf(pod, behavior), policy, field);
    this.init = (spec.initContainers ?? []).map(c =>
      runner(c, `spec.initContainers{${c.name}}`, restartPolicy === 'Never' ? 'Never' : 'OnFailure', behaviorOf(pod, c) === 'healthy' ? 'complete' : behaviorOf(pod, c)),
    );
    this.main = spec.containers.map(c => runner(c, `spec.containers{${c.name}}`, restartPolicy));
    if (this.init.length) this.main.forEach(r => (r.state = { waiting: { reason: 'PodInitializing' } }));
  }

  start(): void {
    const next = this.init.find(r => !r.finished);
    if (next) next.start();
    else this.main.forEach(r => r.start());
    this.changed();
  }

  /** The pod was deleted: stop every container. */
  stop(killed: boolean): void {
    for (const runner of [...this.init, ...this.main]) {
      runner.stop();
      if (killed && 'running' in runner.state) this.event('Normal', 'Killing', `Stopping container ${runner.spec.name}`, runner.fieldPath);
    }
    this.frozen = true;
  }

  /** The node stopped posting status: containers keep their last reported state. */
  freeze(): void {
    [...this.init, ...this.main].forEach(r => r.stop());
    this.frozen = true;
  }

  runner(container: string): ContainerRunner | undefined {
    return this.main.find(r => r.spec.name === container) ?? this.init.find(r => r.spec.name === container);
  }

  pod(): KubeObject | undefined {
    return this.ctx.store.get(R.pods, this.namespace, this.name);
  }

  event(type: 'Normal' | 'Warning', reason: string, message: string, fieldPath: string): void {
    const pod = this.pod();
    if (pod && !this.frozen) this.ctx.events.record(pod, type, reason, message, source(this.node), fieldPath);
  }

  changed(): void {
    if (this.frozen) return;
    this.ctx.queue.add(`kubelet:${this.namespace}/${this.name}`, () => this.writeStatus());
  }

  exited(runner: ContainerRunner): void {
    if (!this.init.includes(runner)) return;
    const failed = 'terminated' in runner.state && runner.state.terminated.exitCode !== 0;
    if (!failed) this.start();
  }

  imagePresent(image: string): boolean {
    return this.view.imagePresent(this.node, image);
  }

  imagePulled(image: string): void {
    this.view.imagePulled(this.node, image);
  }

  private writeStatus(): void {
    const pod = this.pod();
    if (!pod || this.frozen) return;
    const status = buildPodStatus(pod, this.init, this.main, this.net, this.view.nodeReady(this.node));
    writeStatus(this.ctx, R.pods, pod, status);
  }
}
