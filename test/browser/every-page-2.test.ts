/** Every built page, part 2 of 2: loads cleanly and passes axe in both themes (test/support/every-page.ts). */
import { describeEveryPage } from '../support/every-page';

describeEveryPage(2, 2);
