/**
 * The explanations access() gives, pinned line by line: they are what the pages and the CLI print, so a
 * wrong count, verdict, fast path, rule or hazard in them fails here. Read by hand against the model's
 * rules when pinned.
 */
import { describe, expect, it } from 'vitest';
import { access } from '../../../src/model/bus/api';
import { expectOk } from '../../support/expect-ok';

const explain = (input: Record<string, unknown>): string[] => expectOk(access(input)).explanation.split('\n');

describe('access() explanations', () => {
  it('writel on Device-nGnRE: both programs work, one write, early-ack', () => {
    expect(explain({ accessor: 'writel', memoryType: 'Device-nGnRE', kernel: '6.10' })).toEqual([
      'writel on Device-nGnRE (Linux 6.10): correct for the programs drivers rely on.',
      '- writel() to register A, then writel() to register B: 1 allowed outcome; every one works.',
      '- writel() to a register, then readl() of it to flush the posted write: 1 allowed outcome; every one works.',
      'Writes reaching the device: 1 (not counting repeats).',
      'Hazards: early-ack (a write is acknowledged before it reaches the device (the CPU goes on while it is posted)).',
    ]);
  });
  it('writel on Device-GRE: the read-back may be forwarded, so not correct though the two writes are fine', () => {
    expect(explain({ accessor: 'writel', memoryType: 'Device-GRE', kernel: '6.10' })).toEqual([
      'writel on Device-GRE (Linux 6.10): not correct for the programs drivers rely on.',
      '- writel() to register A, then writel() to register B: 1 allowed outcome; every one works.',
      "- writel() to a register, then readl() of it to flush the posted write: 2 allowed outcomes; 1 breaks it (the read is served from the CPU's buffered write and never reaches the device: it proves nothing about the write).",
      'Writes reaching the device: 1 (not counting repeats).',
      "Hazards: forwarded-read (a read is served from the CPU's buffered write and never reaches the device); early-ack (a write is acknowledged before it reaches the device (the CPU goes on while it is posted)).",
    ]);
  });
  it('readl on Normal-NC: the speculative second read breaks the side effect; a read names no writes', () => {
    expect(explain({ accessor: 'readl', memoryType: 'Normal-NC', kernel: '6.10' })).toEqual([
      'readl on Normal-NC (Linux 6.10): not correct for the programs drivers rely on.',
      '- readl() of a status register whose read has a side effect: 2 allowed outcomes; 1 breaks it (the register at 0x0 is read 2 times (a speculative read): its side effect happens 2 times).',
      'Hazards: speculative-read (the device sees a read the program did not execute).',
    ]);
  });
  it('writel_relaxed on Normal-NC: seven of eight outcomes break the doorbell, each reason once', () => {
    expect(explain({ accessor: 'writel_relaxed', memoryType: 'Normal-NC', kernel: '6.10' }).slice(0, 2)).toEqual([
      'writel_relaxed on Normal-NC (Linux 6.10): not correct for the programs drivers rely on.',
      '- writel_relaxed() to register A, then to register B: 8 allowed outcomes; 7 break it (the write to 0x0 arrives twice: the doorbell rings twice; the write to 0x4 arrives twice: the doorbell rings twice; writes 0x0 and 0x4 arrive as one 8-byte write: the device sees one access where the driver made 2; the write to 0x4 arrives before the earlier write to 0x0).',
    ]);
  });
  it('writeq on Device-nGnRnE: no hazard at all, so no hazard line', () => {
    expect(explain({ accessor: 'writeq', memoryType: 'Device-nGnRnE', kernel: '6.10' })).toEqual([
      'writeq on Device-nGnRnE (Linux 6.10): correct for the programs drivers rely on.',
      '- writeq() to register A, then writeq() to register B: 1 allowed outcome; every one works.',
      'Writes reaching the device: 1 (not counting repeats).',
    ]);
  });
  it('a 4096-byte copy on Device-nGnRE: summarized, 512 writes, never the fast path', () => {
    expect(explain({ accessor: '__iowrite64_copy', memoryType: 'Device-nGnRE', kernel: '6.10', bytes: 4096 })).toEqual([
      '__iowrite64_copy on Device-nGnRE (Linux 6.10): correct for the programs drivers rely on.',
      '- __iowrite64_copy() of 4096 bytes (512 elements) into a write-combining buffer: more outcomes than the enumerator lists (summarized); every one works (no allowed outcome delivers a 64-byte block as one transaction: the device takes its slow path (correct, slower)). Fast path: never.',
      'Writes reaching the device: 512 (not counting repeats).',
      'Hazards: early-ack (a write is acknowledged before it reaches the device (the CPU goes on while it is posted)).',
    ]);
  });
  it('a 64-byte copy on Normal-NC: 1 to 8 writes, the fast path sometimes', () => {
    expect(explain({ accessor: '__iowrite64_copy', memoryType: 'Normal-NC', kernel: '6.10', bytes: 64 })).toEqual([
      '__iowrite64_copy on Normal-NC (Linux 6.10): correct for the programs drivers rely on.',
      "- __iowrite64_copy() of 64 bytes (8 elements) into a write-combining buffer: more outcomes than the enumerator lists (summarized); every one works (whether a block arrives as one transaction is up to the CPU's write combining: fast path possible, not guaranteed). Fast path: sometimes.",
      'Writes reaching the device: 1 to 8 (not counting repeats).',
      'Hazards: merge (accesses from more than one instruction reach the device as one transaction); reorder (two accesses reach the device in the opposite of program order); repeat (a write reaches the device more than once); speculative-read (the device sees a read the program did not execute); early-ack (a write is acknowledged before it reaches the device (the CPU goes on while it is posted)).',
    ]);
  });
  it('st64b on Device-nGnRnE on a 7.0 host: one write, the fast path always, the TLP caveat', () => {
    expect(explain({ accessor: 'st64b', memoryType: 'Device-nGnRnE', kernel: '7.0' })).toEqual([
      'st64b on Device-nGnRnE (guest Linux 7.0, host Linux 7.0): correct.',
      '- Arm ARM C3.2.8 "Single-copy atomic 64-byte load/store": Device-nGnRnE at a location that supports ST64B: one 64-byte single-copy-atomic write.',
      '- one ST64B of 64 bytes (FEAT_LS64) into a write-combining buffer: 1 allowed outcome; every one works. Fast path: always.',
      "The device sees the 64 bytes as one write, which __iowrite64_copy()'s blocks of STR (ead79118dae6) only make likely. That the write is one 64-byte PCIe TLP is not an architectural rule: it is what mlx5 observed on its platforms (commit fd8c8216648c).",
      'Writes reaching the device: 1 (not counting repeats).',
    ]);
  });
  it('st64b on Normal-NC: one write (and its allowed repeat), and the hazards of the type', () => {
    expect(explain({ accessor: 'st64b', memoryType: 'Normal-NC', kernel: '7.0' })).toEqual([
      'st64b on Normal-NC (guest Linux 7.0, host Linux 7.0): correct.',
      '- Arm ARM C3.2.8 "Single-copy atomic 64-byte load/store": Normal-NC at a location that supports ST64B: one 64-byte single-copy-atomic write.',
      '- one ST64B of 64 bytes (FEAT_LS64) into a write-combining buffer: 2 allowed outcomes; every one works. Fast path: always.',
      "The device sees the 64 bytes as one write, which __iowrite64_copy()'s blocks of STR (ead79118dae6) only make likely. That the write is one 64-byte PCIe TLP is not an architectural rule: it is what mlx5 observed on its platforms (commit fd8c8216648c).",
      'Writes reaching the device: 1 (not counting repeats).',
      'Hazards: repeat (a write reaches the device more than once); speculative-read (the device sees a read the program did not execute); early-ack (a write is acknowledged before it reaches the device (the CPU goes on while it is posted)).',
    ]);
  });
  it('st64b at a location without 64-byte support: the abort or byte writes', () => {
    expect(explain({ accessor: 'st64b', memoryType: 'Device-nGnRE', kernel: '7.0', locationSupportsLs64: false })).toEqual([
      'st64b on Device-nGnRE (guest Linux 7.0, host Linux 7.0, a location without 64-byte support): not correct.',
      '- Arm ARM C3.2.8 "Single-copy atomic 64-byte load/store": at a location that does not support ST64B (which locations do is IMPLEMENTATION DEFINED), either a stage 1 Data Abort with DFSC 0x35 or the store performed without single-copy atomicity above the byte level (CONSTRAINED UNPREDICTABLE).',
      '- one ST64B of 64 bytes (FEAT_LS64) into a write-combining buffer: more outcomes than the enumerator lists (summarized); 1 breaks it (performed without single-copy atomicity, the 64 bytes arrive as separate byte writes (the type does not gather); the store takes a Data Abort with DFSC 0x35 (unsupported Exclusive or atomic access) and nothing reaches the device). Fast path: never.',
      'Writes reaching the device: 0 to 64 (not counting repeats).',
      'Hazards: split (one instruction reaches the device as more than one transaction); early-ack (a write is acknowledged before it reaches the device (the CPU goes on while it is posted)); abort (the store is not performed: the CPU takes a Data Abort (for ST64B, DFSC 0x35 "unsupported Exclusive or atomic access")).',
    ]);
  });
  it('st64b on Normal-WB: the required abort and what 7.1 KVM does with it at EL2', () => {
    expect(explain({ accessor: 'st64b', memoryType: 'Normal-WB', kernel: '7.1' })).toEqual([
      'st64b on Normal-WB (guest Linux 7.1, host Linux 7.1): not correct.',
      '- Arm ARM C3.2.8 "Single-copy atomic 64-byte load/store": without FEAT_LS64WB, ST64B may target only Normal Non-cacheable and Device memory; Normal-WB generates a Data Abort with DFSC 0x35, reported at stage 1 or stage 2 (IMPLEMENTATION DEFINED).',
      '- one ST64B of 64 bytes (FEAT_LS64) into a write-combining buffer: 1 allowed outcome; 1 breaks it (the store takes a Data Abort with DFSC 0x35 (unsupported Exclusive or atomic access) and nothing reaches the device). Fast path: never.',
      'Taken to EL2: kvm_s2_fault_compute_prot() (called from user_mem_abort(), arch/arm64/kvm/mmu.c) in 7.1: the abort for an LD64B/ST64B has DFSC 0x35 and the memslot is valid, so after the -EFAULT and -ENOEXEC checks KVM injects a data abort with DFSC 0x35 into the guest (kvm_inject_dabt_excl_atomic(), 2937aeec9dc5) and maps nothing.',
      'Writes reaching the device: 0 (not counting repeats).',
      'Hazards: speculative-read (the device sees a read the program did not execute); abort (the store is not performed: the CPU takes a Data Abort (for ST64B, DFSC 0x35 "unsupported Exclusive or atomic access")).',
    ]);
  });
  it('st64b on a 6.16 host: handle_other() turns the trap into an UNDEF', () => {
    expect(explain({ accessor: 'st64b', memoryType: 'Device-nGnRE', kernel: '7.0', hostKernel: '6.16' })).toEqual([
      'st64b on Device-nGnRE (guest Linux 7.0, host Linux 6.16): not correct.',
      '- KVM in 6.16 does not offer FEAT_LS64 to guests (it does from 7.0): HCRX_EL2.EnALS is 0, the instruction traps to EL2 (EC 0x0A) before any memory access, and the guest takes an Undefined Instruction exception; handle_other() injects it because the guest lacks the feature (2e04378f1a76, 6.16).',
      '- one ST64B of 64 bytes (FEAT_LS64) into a write-combining buffer: 1 allowed outcome; 1 breaks it (the instruction takes an Undefined Instruction exception and nothing reaches the device). Fast path: never.',
      'Writes reaching the device: 0 (not counting repeats).',
      'Hazards: undef (the instruction is not performed: the CPU takes an Undefined Instruction exception (ST64B in a guest the host does not offer FEAT_LS64)).',
    ]);
  });
});
