import { TaskrelError } from '../errors.js';
import { commands } from './commands.js';

function overview(): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  const lines = commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`);
  return ['usage: taskrel <command> [options]', '', 'commands:', ...lines, '', 'taskrel <command> --help for details.'].join('\n');
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    console.log(overview());
    return name === undefined ? 1 : 0;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) throw new TaskrelError(`unknown command '${name}'; expected one of: ${commands.map((c) => c.name).join(', ')}`);
  if (rest.includes('--help') || rest.includes('-h')) {
    console.log(command.help);
    return 0;
  }
  return command.run(rest);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    // Messages of a command name it already ("taskrel study: …"); others get the program's name once.
    if (error instanceof TaskrelError) console.error(error.message.startsWith('taskrel ') ? error.message : `taskrel: ${error.message}`);
    else console.error(error);
    process.exitCode = 1;
  },
);
