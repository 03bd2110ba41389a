/** The doc tests of this project: its settings and module map, rooted at the working directory. */
import { EXAMPLE_MODULES } from './modules';
import { createDocTest } from './node';
import { PROJECT_SETTINGS } from './settings';

export const projectDocTest = (root: string = process.cwd()) => createDocTest({ ...PROJECT_SETTINGS, root, modules: EXAMPLE_MODULES });
