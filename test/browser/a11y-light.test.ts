/** Every built page, and the live editors, pass axe in the light theme (test/support/a11y.ts). */
import { describeAxe } from '../support/a11y';

describeAxe('light');
