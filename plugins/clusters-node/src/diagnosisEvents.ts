import {
  createServiceFactory,
  createServiceRef,
} from '@backstage/backend-plugin-api';
import type { ClusterDiagnosis } from '@kubedeck/plugin-clusters-common';

/**
 * Published when the clusters backend finds a new problem or sees one go away.
 *
 * @public
 */
export type DiagnosisEvent =
  | { type: 'diagnosis.opened'; diagnosis: ClusterDiagnosis }
  | { type: 'diagnosis.resolved'; diagnosis: ClusterDiagnosis };

/**
 * An in-process, typed channel for diagnosis events within one backend instance.
 *
 * @public
 */
export interface DiagnosisEventsService {
  publish(event: DiagnosisEvent): Promise<void>;
  /** Returns a function that unsubscribes. */
  subscribe(
    listener: (event: DiagnosisEvent) => void | Promise<void>,
  ): () => void;
}

/**
 * Delivers each event to every subscriber; a failing subscriber never stops the others.
 *
 * @public
 */
export class InMemoryDiagnosisEvents implements DiagnosisEventsService {
  readonly #listeners = new Set<
    (event: DiagnosisEvent) => void | Promise<void>
  >();

  async publish(event: DiagnosisEvent): Promise<void> {
    await Promise.allSettled(
      [...this.#listeners].map(async listener => listener(event)),
    );
  }

  subscribe(listener: (event: DiagnosisEvent) => void | Promise<void>) {
    this.#listeners.add(listener);
    return () => {
      this.#listeners.delete(listener);
    };
  }
}

/**
 * The backend-wide {@link DiagnosisEventsService}.
 *
 * @public
 */
export const diagnosisEventsServiceRef =
  createServiceRef<DiagnosisEventsService>({
    id: 'kubedeck.clusters.diagnosis-events',
    scope: 'root',
    defaultFactory: async service =>
      createServiceFactory({
        service,
        deps: {},
        factory: () => new InMemoryDiagnosisEvents(),
      }),
  });
