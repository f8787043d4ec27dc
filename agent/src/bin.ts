// Entry point of the bundled agent in the container image (see Dockerfile).
import { main } from './main';

void main();
