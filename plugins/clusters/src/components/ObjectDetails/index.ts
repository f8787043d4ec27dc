export { ObjectDrawer } from './ObjectDrawer';
export { ObjectEvents } from './ObjectEvents';
export { ObjectYaml } from './ObjectYaml';
