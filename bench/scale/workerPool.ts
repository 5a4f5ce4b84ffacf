import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Command, Reply, Results } from './messages.js';

const WORKER = fileURLToPath(new URL('./worker.ts', import.meta.url));

interface Waiting {
  command: Command['type'];
  resolve(result: unknown): void;
  reject(err: Error): void;
}

/** One generator worker process: commands go in order, each answered once. */
class GeneratorWorker {
  private readonly child: ChildProcess;
  private waiting: Waiting | null = null;

  constructor(readonly index: number) {
    // The parent's execArgv carries tsx's loader, so the worker runs from its TypeScript source too.
    this.child = fork(WORKER, [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    this.child.on('message', (reply: Reply) => {
      const waiting = this.waiting;
      this.waiting = null;
      if (!waiting) return;
      if (reply.type === 'done') waiting.resolve(reply.result);
      else waiting.reject(new Error(`worker ${index}, ${reply.command}: ${reply.message}`));
    });
    this.child.on('exit', (code, signal) => {
      this.waiting?.reject(new Error(`worker ${index} exited (${code ?? signal})`));
      this.waiting = null;
    });
  }

  get pid(): number {
    return this.child.pid as number;
  }

  send<C extends Command>(command: C): Promise<Results[C['type']]> {
    if (this.waiting) throw new Error(`worker ${this.index} is still busy with ${this.waiting.command}`);
    return new Promise((resolve, reject) => {
      this.waiting = { command: command.type, resolve: resolve as (r: unknown) => void, reject };
      this.child.send(command);
    });
  }

  stop(): void {
    if (this.child.connected) this.child.disconnect();
    this.child.kill('SIGKILL');
  }
}

/** The load generator's processes; the coordinator sends each command to all and awaits every answer. */
export class WorkerPool {
  readonly workers: GeneratorWorker[];

  constructor(count: number) {
    this.workers = Array.from({ length: count }, (_, i) => new GeneratorWorker(i));
  }

  /** A command per worker (or the same to every worker). */
  all<C extends Command>(command: C | ((worker: number) => C)): Promise<Array<Results[C['type']]>> {
    return Promise.all(
      this.workers.map((w, i) => w.send(typeof command === 'function' ? command(i) : command)),
    );
  }

  pids(): number[] {
    return this.workers.map((w) => w.pid);
  }

  stop(): void {
    for (const worker of this.workers) worker.stop();
  }
}
