export { EntityWorkloadsContent } from './EntityWorkloadsContent';
export {
  isKubernetesEntity,
  entityWorkloadSelector,
} from './entityWorkloadSelector';
