// A progress bar on stderr: redrawn in place on a terminal, one line per phase otherwise (logs).
import type { WriteStream } from 'node:tty';

const WIDTH = 30;

export function createProgressBar(stream: NodeJS.WriteStream | WriteStream) {
  const interactive = Boolean(stream.isTTY);
  let currentPhase: string | null = null;
  let lastDraw = 0;
  const draw = (phase: string, done: number, total: number) => {
    const ratio = total === 0 ? 1 : Math.min(done / total, 1);
    const filled = Math.round(ratio * WIDTH);
    const bar = `${'█'.repeat(filled)}${'░'.repeat(WIDTH - filled)}`;
    return `${phase.padEnd(10)} ${bar} ${done}/${total} (${Math.round(ratio * 100)}%)`;
  };
  return {
    update(phase: string, done: number, total: number) {
      if (interactive) {
        const now = Date.now();
        if (phase === currentPhase && done < total && now - lastDraw < 100) return;
        if (currentPhase !== null && phase !== currentPhase) stream.write('\n');
        lastDraw = now;
        currentPhase = phase;
        stream.write(`\r${draw(phase, done, total)}`);
        return;
      }
      // Not a terminal: a line when a phase ends, so logs stay readable.
      if (done >= total) stream.write(`${draw(phase, done, total)}\n`);
      currentPhase = phase;
    },
    done() {
      if (interactive && currentPhase !== null) stream.write('\n');
      currentPhase = null;
    },
  };
}
