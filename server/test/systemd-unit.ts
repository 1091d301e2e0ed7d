/**
 * Reads a systemd service unit and an EnvironmentFile as systemd does, for the
 * settings the tests run by: the service's command, its working directory and
 * its environment.
 */
import { readFileSync } from 'node:fs';

export interface ServiceUnit {
  execStart: string[];
  workingDirectory: string;
  environment: Record<string, string>;
  environmentFiles: string[];
}

function values(text: string, key: string): string[] {
  return text
    .split('\n')
    .filter((line) => line.startsWith(`${key}=`))
    .map((line) => line.slice(key.length + 1).trim());
}

const unquote = (value: string) => value.replace(/^"(.*)"$/s, '$1').replace(/^'(.*)'$/s, '$1');

export function readServiceUnit(file: string): ServiceUnit {
  const text = readFileSync(file, 'utf8');
  const [execStart] = values(text, 'ExecStart');
  const [workingDirectory] = values(text, 'WorkingDirectory');
  if (!execStart || !workingDirectory) throw new Error(`${file} has no ExecStart= or WorkingDirectory=`);
  const environment: Record<string, string> = {};
  for (const line of values(text, 'Environment')) {
    for (const assignment of line.split(/\s+/)) {
      const at = assignment.indexOf('=');
      environment[assignment.slice(0, at)] = unquote(assignment.slice(at + 1));
    }
  }
  return {
    execStart: execStart.split(/\s+/),
    workingDirectory,
    environment,
    environmentFiles: values(text, 'EnvironmentFile'),
  };
}

/** An EnvironmentFile: VAR=value lines; blank lines and lines starting with # or ; are skipped. */
export function readEnvironmentFile(file: string): Record<string, string> {
  const env: Record<string, string> = {};
  for (const raw of readFileSync(file, 'utf8').split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#') || line.startsWith(';')) continue;
    const at = line.indexOf('=');
    if (at < 1) throw new Error(`${file}: not a VAR=value line: ${line}`);
    env[line.slice(0, at).trim()] = unquote(line.slice(at + 1).trim());
  }
  return env;
}
