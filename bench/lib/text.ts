import { prng as rng } from '../../test/support/prng.js';
/**
 * Comment bodies: ~300 characters of ordinary prose (a little Markdown emphasis), deterministic, all distinct.
 * The same texts are posted to every server.
 */
const WORDS = (
  'the council vote on the new housing plan was closer than the article suggests and several members ' +
  'changed their minds after the public hearing last week which nobody reported I think the cost estimate ' +
  'ignores maintenance over twenty years and the bus routes mentioned in paragraph four were cut in spring ' +
  'still a good piece overall thanks for covering local politics so carefully'
).split(' ');


export function commentText(i: number, length = 300): string {
  const rand = rng(1000 + i);
  const parts: string[] = [`Comment ${i + 1}:`];
  let len = parts[0]!.length;
  let emphasised = false;
  while (len < length - 7) {
    let w = WORDS[Math.floor(rand() * WORDS.length)]!;
    if (!emphasised && rand() < 0.05) {
      w = `*${w}*`;
      emphasised = true;
    }
    parts.push(w);
    len += w.length + 1;
  }
  return `${parts.join(' ')}.`;
}
