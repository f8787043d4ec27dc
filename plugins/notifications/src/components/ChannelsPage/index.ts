export { ChannelsPage } from './ChannelsPage';
