import type { DiagnosisFinding } from '@kubedeck/plugin-clusters-node';
import { Analyzer, eventsAbout } from '../types';

const condition = (object: any, type: string) =>
  (object.status?.conditions ?? []).find((c: any) => c.type === type);

/** Jobs that failed. */
export const jobAnalyzer: Analyzer = snapshot =>
  snapshot.jobs.flatMap((job): DiagnosisFinding[] => {
    const failed = condition(job, 'Failed');
    if (failed?.status !== 'True') return [];
    return [
      {
        kind: 'Job',
        namespace: job.metadata.namespace,
        name: job.metadata.name,
        type: 'JobFailed',
        severity: 'warning',
        title: `Job ${job.metadata.name} failed`,
        evidence: [
          `Failed (${failed.reason ?? 'no reason'}): ${
            failed.message ?? ''
          }`.trim(),
          `Failed pods: ${job.status?.failed ?? 0}`,
        ],
        fix:
          failed.reason === 'DeadlineExceeded'
            ? 'The job ran past activeDeadlineSeconds: make it faster or raise the deadline.'
            : "Read the logs of the job's failed pods to find the error; fix it and re-create the job (raise backoffLimit only for flaky work).",
      },
    ];
  });

/** Deployments with fewer available replicas than wanted, or past their progress deadline. */
export const deploymentAnalyzer: Analyzer = snapshot =>
  snapshot.deployments.flatMap((deployment): DiagnosisFinding[] => {
    const wanted = deployment.spec?.replicas ?? 1;
    const available = deployment.status?.availableReplicas ?? 0;
    const progressing = condition(deployment, 'Progressing');
    const stuck =
      progressing?.status === 'False' &&
      progressing.reason === 'ProgressDeadlineExceeded';
    const availableCondition = condition(deployment, 'Available');
    if (
      !stuck &&
      (available >= wanted || availableCondition?.status !== 'False')
    )
      return [];
    const evidence = [`${available} of ${wanted} replicas available`];
    if (stuck)
      evidence.push(
        `Progressing=False: ${
          progressing.message ?? 'ProgressDeadlineExceeded'
        }`,
      );
    if (availableCondition?.status === 'False')
      evidence.push(
        `Available=False: ${availableCondition.message ?? ''}`.trim(),
      );
    return [
      {
        kind: 'Deployment',
        namespace: deployment.metadata.namespace,
        name: deployment.metadata.name,
        type: 'DeploymentUnavailable',
        severity: available === 0 ? 'critical' : 'warning',
        title: stuck
          ? `Rollout of ${deployment.metadata.name} is past its progress deadline`
          : `Deployment ${deployment.metadata.name} is short of replicas`,
        evidence: [
          ...evidence,
          ...eventsAbout(
            snapshot,
            'Deployment',
            deployment.metadata.namespace,
            deployment.metadata.name,
          ),
        ],
        fix: 'Look at the diagnoses of its pods (crashes, image pulls, scheduling); roll back with the previous ReplicaSet if the new version is broken.',
      },
    ];
  });

/** HorizontalPodAutoscalers that cannot read their metrics. */
export const hpaAnalyzer: Analyzer = snapshot =>
  snapshot.hpas.flatMap((hpa): DiagnosisFinding[] => {
    const active = condition(hpa, 'ScalingActive');
    if (active?.status !== 'False') return [];
    return [
      {
        kind: 'HorizontalPodAutoscaler',
        namespace: hpa.metadata.namespace,
        name: hpa.metadata.name,
        type: 'HpaMetricsUnavailable',
        severity: 'warning',
        title: `Autoscaler ${hpa.metadata.name} cannot read its metrics`,
        evidence: [
          `ScalingActive=False (${active.reason ?? 'no reason'}): ${
            active.message ?? ''
          }`.trim(),
        ],
        fix: "Install metrics-server (or the adapter for custom metrics) and set resource requests on the target's containers so utilization can be computed.",
      },
    ];
  });
