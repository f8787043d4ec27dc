export { AgentsPage } from './AgentsPage';
