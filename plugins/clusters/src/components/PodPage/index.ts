export { PodPage } from './PodPage';
