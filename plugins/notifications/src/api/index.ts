export { kubedeckNotificationsApiRef } from './KubedeckNotificationsApi';
export type {
  ChannelTestResult,
  ChannelTypeInfo,
  KubedeckNotificationsApi,
} from './KubedeckNotificationsApi';
export { KubedeckNotificationsClient } from './KubedeckNotificationsClient';
