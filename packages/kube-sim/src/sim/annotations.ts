/** Annotations through which scenarios steer the simulation. */
const prefix = 'kube-sim.kubedeck.io';

export const Annotations = {
  /** Pod: behaviour of every container, e.g. "crashloop"; see kubelet/behavior.ts. */
  behavior: `${prefix}/behavior`,
  /** Pod: behaviour of one container: `${behaviorFor}<container name>`. */
  behaviorFor: `${prefix}/behavior.`,
  /** Pod: seconds a container runs before it exits (completing, failing, crashing ones). */
  runSeconds: `${prefix}/run-seconds`,
  /** Pod: log lines per second of every container (default 1; 0 = silent). */
  logRate: `${prefix}/log-rate`,
  /** Pod: log flavour: "web", "worker", "db" or "json"; defaults from the image name. */
  logFormat: `${prefix}/log-format`,
  /** Pod: simulated load 0..1 scaling metrics (default 0.3). */
  load: `${prefix}/load`,
  /** Node: "false" makes the node NotReady from the start. */
  ready: `${prefix}/ready`,
  /** Node: seconds after start-up at which the node stops posting status and goes NotReady. */
  notReadyAfter: `${prefix}/not-ready-after`,
} as const;
