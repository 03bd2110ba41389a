// The MAIR byte Linux's ioremap_wc() selects (MT_NORMAL_NC) is 0x44: Normal, Non-cacheable inside and out.
import { decodeMair } from 'memattr';

const attr = decodeMair({ mair: 0x44 });
if (attr.ok) {
  console.log(attr.result.summary);
  console.log(attr.result.explanation);
}

// Output:
// Normal-NC
// Normal: outer Non-cacheable; inner Non-cacheable; XS=1.
