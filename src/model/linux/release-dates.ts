/**
 * The covered Linux releases, oldest first, with the date each came out: the one place the newest
 * covered release is named. KERNEL_VERSIONS, OLDEST_KERNEL, NEWEST_KERNEL and KERNEL_RANGE
 * (linux/versions.ts) derive from it; what was read at each release is RELEASE_READS (linux/releases.ts),
 * which must have a row for every version here (it fails to compile otherwise).
 *
 * Apart from the readings so that a page validating a kernel version carries this list, not the
 * evidence prose (about 3 kB gzip on every page that calls the model with a kernel).
 */
export const RELEASE_DATES = [
  { version: '5.10', date: '2020-12-13' },
  { version: '5.11', date: '2021-02-14' },
  { version: '5.12', date: '2021-04-25' },
  { version: '5.13', date: '2021-06-27' },
  { version: '5.14', date: '2021-08-29' },
  { version: '5.15', date: '2021-10-31' },
  { version: '5.16', date: '2022-01-09' },
  { version: '5.17', date: '2022-03-20' },
  { version: '5.18', date: '2022-05-22' },
  { version: '5.19', date: '2022-07-31' },
  { version: '6.0', date: '2022-10-02' },
  { version: '6.1', date: '2022-12-11' },
  { version: '6.2', date: '2023-02-19' },
  { version: '6.3', date: '2023-04-23' },
  { version: '6.4', date: '2023-06-25' },
  { version: '6.5', date: '2023-08-27' },
  { version: '6.6', date: '2023-10-29' },
  { version: '6.7', date: '2024-01-07' },
  { version: '6.8', date: '2024-03-10' },
  { version: '6.9', date: '2024-05-12' },
  { version: '6.10', date: '2024-07-14' },
  { version: '6.11', date: '2024-09-15' },
  { version: '6.12', date: '2024-11-17' },
  { version: '6.13', date: '2025-01-19' },
  { version: '6.14', date: '2025-03-24' },
  { version: '6.15', date: '2025-05-25' },
  { version: '6.16', date: '2025-07-27' },
  { version: '6.17', date: '2025-09-28' },
  { version: '6.18', date: '2025-11-30' },
  { version: '6.19', date: '2026-02-08' },
  { version: '7.0', date: '2026-04-12' },
  { version: '7.1', date: '2026-06-14' },
  { version: '7.2', date: '2026-08-16' },
] as const;

export type KernelVersion = (typeof RELEASE_DATES)[number]['version'];
