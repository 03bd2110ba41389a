import { describe, expect, it } from 'vitest';
import { CONFIDENCE_LABEL, EFFECT_LABEL, releaseAnchor } from '../../../src/components/Releases/labels';
import { CHANGE_EFFECTS, CONFIDENCES, KERNEL_VERSIONS } from '../../../src/model';

describe('Releases labels', () => {
  it('gives every covered release its own anchor, spelled linux-MAJOR-MINOR', () => {
    const anchors = KERNEL_VERSIONS.map(releaseAnchor);
    expect(new Set(anchors).size).toBe(KERNEL_VERSIONS.length);
    expect(releaseAnchor('7.1')).toBe('linux-7-1');
    expect(releaseAnchor('6.10')).toBe('linux-6-10');
  });

  it('names every effect and confidence the model records, with distinct words', () => {
    expect(Object.keys(EFFECT_LABEL)).toEqual([...CHANGE_EFFECTS]);
    expect(Object.keys(CONFIDENCE_LABEL)).toEqual([...CONFIDENCES]);
    expect(new Set(Object.values(EFFECT_LABEL)).size).toBe(CHANGE_EFFECTS.length);
    expect(new Set(Object.values(CONFIDENCE_LABEL)).size).toBe(CONFIDENCES.length);
  });
});
