/**
 * How far one level-by-level search (the leader) has read, for a search beside it that reads
 * each of its own levels only once the leader has read the same one: what the leader's levels
 * show (a floor raised by their chains, see RisingFloor) then reaches the other's next level.
 */
export class LevelsRead {
  private read = -1;
  private ended = false;
  private waiting: { level: number; resolve: () => void }[] = [];

  /** The leader has read `level` (levels count from 0). */
  finished(level: number): void {
    this.read = Math.max(this.read, level);
    this.wake();
  }

  /** The leader reads no more levels (it finished, or failed). */
  end(): void {
    this.ended = true;
    this.wake();
  }

  /** Resolves once the leader has read `level`, or reads no more. */
  reached(level: number): Promise<void> {
    if (this.ended || this.read >= level) return Promise.resolve();
    return new Promise((resolve) => this.waiting.push({ level, resolve }));
  }

  private wake(): void {
    this.waiting = this.waiting.filter((wait) => {
      const done = this.ended || this.read >= wait.level;
      if (done) wait.resolve();
      return !done;
    });
  }
}
