import type { KubeObject } from '../../store/types';
import { Annotations } from '../annotations';

/** What a simulated container does once started. */
export type Behavior =
  | 'healthy'
  | 'crashloop'
  | 'oom'
  | 'image-pull-error'
  | 'readiness-fail'
  | 'liveness-fail'
  | 'complete'
  | 'fail';

const aliases: Record<string, Behavior> = {
  healthy: 'healthy', running: 'healthy',
  crashloop: 'crashloop', crash: 'crashloop', crashloopbackoff: 'crashloop',
  oom: 'oom', oomkilled: 'oom',
  'image-pull-error': 'image-pull-error', imagepullbackoff: 'image-pull-error', errimagepull: 'image-pull-error',
  'readiness-fail': 'readiness-fail', unready: 'readiness-fail',
  'liveness-fail': 'liveness-fail',
  complete: 'complete', completed: 'complete', succeed: 'complete',
  fail: 'fail', failed: 'fail', error: 'fail',
};

/** Behaviour from the image name, e.g. "…/recommender-crashloop:1.0" or "does-not-exist". */
function fromImage(image: string): Behavior | undefined {
  const lower = image.toLowerCase();
  if (lower.includes('does-not-exist') || lower.includes('invalid-registry') || lower.includes('nonexistent')) return 'image-pull-error';
  if (lower.includes('crashloop')) return 'crashloop';
  if (/(^|[/_.:-])oom([/_.:-]|$)/.test(lower)) return 'oom';
  return undefined;
}

/**
 * A container's behaviour: annotation `behavior.<container>`, then `behavior`, then the image
 * name; otherwise pods that are not restarted run to completion and the rest stay healthy.
 */
export function behaviorOf(pod: KubeObject, container: { name: string; image?: string }): Behavior {
  const annotations = pod.metadata.annotations ?? {};
  const named = annotations[`${Annotations.behaviorFor}${container.name}`] ?? annotations[Annotations.behavior];
  const chosen = named ? aliases[named.toLowerCase()] : undefined;
  if (chosen) return chosen;
  const byImage = fromImage(container.image ?? '');
  if (byImage) return byImage;
  const restartPolicy = (pod.spec as { restartPolicy?: string })?.restartPolicy ?? 'Always';
  return restartPolicy === 'Always' ? 'healthy' : 'complete';
}

const defaultRunSeconds: Record<Behavior, number> = {
  healthy: Infinity,
  'readiness-fail': Infinity,
  'image-pull-error': Infinity,
  'liveness-fail': Infinity,
  crashloop: 3,
  oom: 8,
  complete: 5,
  fail: 4,
};

/** Seconds a container of this behaviour runs before exiting on its own. */
export function runSecondsOf(pod: KubeObject, behavior: Behavior): number {
  const configured = Number(pod.metadata.annotations?.[Annotations.runSeconds]);
  const finite = Number.isFinite(defaultRunSeconds[behavior]);
  return finite && configured > 0 ? configured : defaultRunSeconds[behavior];
}

/** How the container exits: exit code and the reason the kubelet reports. */
export function exitOf(behavior: Behavior): { exitCode: number; reason: string } {
  if (behavior === 'oom') return { exitCode: 137, reason: 'OOMKilled' };
  if (behavior === 'complete') return { exitCode: 0, reason: 'Completed' };
  return { exitCode: 1, reason: 'Error' };
}
