import '@testing-library/jest-dom';
import { configure } from '@testing-library/react';

// The first render of a test app is slow on busy 2-core machines; wait longer than 1 s for it.
configure({ asyncUtilTimeout: 5000 });
