import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './wrangler';

export interface Machine {
  cpu: string;
  cores: number;
  memoryGiB: number;
  node: string;
  wrangler: string;
  workerd: string;
  chromium: string;
  /** 1-minute load average when the run started: other work on the machine shows here. */
  loadAtStart: number;
}

const packageVersion = (name: string) =>
  (
    JSON.parse(readFileSync(join(ROOT, 'node_modules', name, 'package.json'), 'utf8')) as {
      version: string;
    }
  ).version;

export const CHROMIUM = process.env.CHROME_PATH ?? '/usr/bin/chromium';

export function describeMachine(): Machine {
  let chromium = 'not found';
  try {
    chromium = execFileSync(CHROMIUM, ['--version'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    // reported as not found; the widget section says so too
  }
  return {
    cpu: cpus()[0]?.model.trim() ?? 'unknown',
    cores: cpus().length,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    wrangler: packageVersion('wrangler'),
    workerd: packageVersion('workerd'),
    chromium,
    loadAtStart: loadavg()[0]!,
  };
}
