export { LogsViewer } from './LogsViewer';
export type { LogsViewerProps } from './LogsViewer';
