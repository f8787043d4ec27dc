export { PinButton } from './PinButton';
export { PinnedList } from './PinnedList';
