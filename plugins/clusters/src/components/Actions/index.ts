export { ObjectActions } from './ObjectActions';
export type { ObjectActionsProps } from './ObjectActions';
export { GatedButton } from './GatedButton';
export { ConfirmDialog } from './ConfirmDialog';
