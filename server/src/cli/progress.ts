// A progress line on stderr (stdout stays clean for data: `search --json`, redirected reports). On a terminal it
// redraws in place; in a log or a pipe it prints a line every tenth of the way, so CI logs stay short.

export type ProgressBar = {
  update(done: number, total: number | null, label?: string): void;
  done(summary: string): void;
};

const WIDTH = 30;

export function progressBar(title: string, stream: NodeJS.WriteStream = process.stderr): ProgressBar {
  const started = performance.now();
  let lastDecile = -1;
  let lastDraw = 0;
  const format = (done: number, total: number | null, label: string) => {
    const seconds = (performance.now() - started) / 1000;
    const rate = seconds > 0 ? Math.round(done / seconds) : 0;
    const count = `${done.toLocaleString('ru-RU')}${total === null ? '' : ` / ${total.toLocaleString('ru-RU')}`}`;
    if (total === null || total === 0) return `${title}${label}: ${count} строк, ${rate.toLocaleString('ru-RU')}/с`;
    const share = Math.min(1, done / total);
    const filled = Math.round(share * WIDTH);
    const eta = rate > 0 ? Math.ceil((total - done) / rate) : 0;
    return `${title}${label} [${'#'.repeat(filled)}${'.'.repeat(WIDTH - filled)}] ${Math.floor(share * 100)}% ${count}, ${rate.toLocaleString('ru-RU')}/с, осталось ~${eta} с`;
  };
  return {
    update(done, total, label = '') {
      const line = format(done, total, label ? ` (${label})` : '');
      if (stream.isTTY) {
        // Redraw at most ten times a second: a million updates must not cost more than the work.
        if (performance.now() - lastDraw < 100 && done !== total) return;
        lastDraw = performance.now();
        stream.write(`\r${line}\x1b[K`);
        return;
      }
      const decile = total ? Math.floor((done / total) * 10) : -1;
      if (decile === lastDecile) return;
      lastDecile = decile;
      stream.write(`${line}\n`);
    },
    done(summary) {
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      stream.write(`${stream.isTTY ? '\r\x1b[K' : ''}${title}: ${summary} за ${seconds} с\n`);
    },
  };
}
