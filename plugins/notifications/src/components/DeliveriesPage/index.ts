export { DeliveriesPage } from './DeliveriesPage';
