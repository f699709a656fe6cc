// Resident memory (VmRSS) of a process, sampled from /proc/<pid>/status.
import { readFileSync } from 'node:fs';

export function rssMiB(pid) {
  try {
    const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) / 1024 : null;
  } catch {
    return null;
  }
}

/** Sample every `everyMs` until stopped (at most `maxSamples`); `stop()` returns {peak, samples}. */
export function sampleRss(pid, { everyMs = 200, maxSamples = 3000 } = {}) {
  const values = [];
  const take = () => {
    const value = rssMiB(pid);
    if (value !== null && values.length < maxSamples) values.push(value);
  };
  take();
  const timer = setInterval(take, everyMs);
  return {
    stop() {
      clearInterval(timer);
      take();
      return { peak: values.length ? Math.max(...values) : null, samples: values.length };
    },
  };
}
