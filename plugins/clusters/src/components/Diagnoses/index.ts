export { DiagnosesPage } from './DiagnosesPage';
export { DiagnosisList } from './DiagnosisList';
export { DiagnosesError } from './DiagnosesError';
export { HealthSummary } from './HealthSummary';
