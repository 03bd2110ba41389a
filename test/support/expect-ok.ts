import type { Answer } from 'memattr';
import { expect } from 'vitest';

export function expectOk<T>(answer: Answer<T>): T {
  if (!answer.ok) expect.fail(`expected ok, got ${answer.error.code} ${answer.error.field ?? ''}: ${answer.error.message}`);
  return answer.result;
}
