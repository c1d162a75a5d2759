// The interview's few text styles, from node:util's styleText (what @inquirer itself draws with): the
// first screen needs no colour library (chalk stays with the terminal report, loaded later).
import { styleText } from 'node:util';

export interface Styles {
  bold(text: string): string;
  dim(text: string): string;
  heading(text: string): string;
  yellow(text: string): string;
  green(text: string): string;
}

type Format = Parameters<typeof styleText>[0];

export function interviewStyles(color: boolean): Styles {
  // validateStream: false (Node 22.13+): the caller has already decided whether colour is on.
  const style = (format: Format) => (text: string) => (color ? (styleText as (f: Format, t: string, o?: object) => string)(format, text, { validateStream: false }) : text);
  const bold = style('bold');
  const cyan = style('cyan');
  return { bold, dim: style('dim'), heading: (text) => bold(cyan(text)), yellow: style('yellow'), green: style('green') };
}
