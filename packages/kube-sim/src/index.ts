export { startKubeSim } from './server';
export type { KubeSim, KubeSimOptions } from './server';
export type { ChaosSettings } from './api/chaos';
export * from './store';
export { loadScenario } from './scenario';
export type { Scenario, ScenarioUser } from './scenario/types';
export type { UserInfo } from './auth/types';
