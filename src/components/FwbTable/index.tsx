/**
 * The stage-2 MemAttr values with FEAT_S2FWB on, as the model reads them: each value's meaning from
 * `decodeS2({ fwb: true })` (or the reason it is reserved), and what some guest stage-1 types become
 * under it from `combine()`, one row per value the model lists in `S2_FWB_MEMATTRS`. Rendered at build
 * time; nothing in it is typed in.
 */
import type { ReactNode } from 'react';
import { combine, decodeMair, decodeS2, MAIR_ATTR, memoryClass, S2_FWB_MEMATTRS } from '../../model';
import { attrsName, hexByte, shortName } from '../shared/format';
import ScrollBox from '../shared/ScrollBox';
import tones from '../shared/tones.module.css';
import styles from './styles.module.css';

/** Guest bytes from Linux's MAIR_ATTR_* table: its Device default, write-combining and cacheable types. */
const GUEST_BYTES = [MAIR_ATTR.MAIR_ATTR_DEVICE_nGnRE, MAIR_ATTR.MAIR_ATTR_NORMAL_NC, MAIR_ATTR.MAIR_ATTR_NORMAL] as const;

const bits = (v: number) => `0b${v.toString(2).padStart(3, '0')}`;

function guestName(mair: number): string {
  const d = decodeMair({ mair });
  return d.ok ? attrsName(d.result) : hexByte(mair);
}

export default function FwbTable(): ReactNode {
  return (
    <ScrollBox>
      <table className={styles.table} data-testid="fwb-table">
        <caption className={styles.caption}>
          Stage-2 <code>MemAttr[2:0]</code> with FEAT_S2FWB: what each value means (<code>decodeS2</code>) and what a guest stage-1 type
          becomes under it (<code>combine</code>)
        </caption>
        <thead>
          <tr>
            <th scope="col">MemAttr</th>
            <th scope="col">Meaning with FWB</th>
            {GUEST_BYTES.map((b) => (
              <th scope="col" key={b}>
                guest <code>{hexByte(b)}</code> {guestName(b)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {S2_FWB_MEMATTRS.map((memAttr) => {
            const d = decodeS2({ memAttr, fwb: true });
            return (
              <tr key={memAttr} data-memattr={memAttr}>
                <th scope="row">
                  <code>{bits(memAttr)}</code>
                </th>
                <td>{d.ok ? d.result.explanation : `reserved: ${d.error.message}`}</td>
                {GUEST_BYTES.map((s1Mair) => {
                  const c = combine({ s1Mair, s2MemAttr: memAttr, fwb: true });
                  return c.ok ? (
                    <td key={s1Mair} className={`${tones.tone} ${tones[memoryClass(c.result)]} ${styles.result}`}>
                      {shortName(c.result)}
                    </td>
                  ) : (
                    <td key={s1Mair} className={styles.result}>
                      —
                    </td>
                  );
                })}
              </tr>
            );
          })}
        </tbody>
      </table>
    </ScrollBox>
  );
}
