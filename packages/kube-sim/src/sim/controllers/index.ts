import type { SimContext } from '../context';
import { startCronJobController } from './cronjob';
import { startDaemonSetController } from './daemonset';
import { startDeploymentController } from './deployment';
import { startEndpointsController } from './endpoints';
import { startJobController } from './job';
import { startLoadBalancerControllers } from './loadbalancer';
import { startPersistentVolumeController } from './pvc';
import { startReplicaSetController } from './replicaset';
import { startStatefulSetController } from './statefulset';

/** Starts every workload, networking and storage controller. */
export function startControllers(ctx: SimContext): void {
  startPersistentVolumeController(ctx);
  startReplicaSetController(ctx);
  startDeploymentController(ctx);
  startStatefulSetController(ctx);
  startDaemonSetController(ctx);
  startJobController(ctx);
  startCronJobController(ctx);
  startEndpointsController(ctx);
  startLoadBalancerControllers(ctx);
}
